namespace Talent.Tests.Recruiting;

/// <summary>
/// Four CVs of four people in four formats (markdown, JSON Resume, LaTeX, HTML), with schools, current and past
/// employers, cities and accented names, a project and a summary each, and what a recruiter would type to find each one,
/// written by hand.
/// </summary>
internal static class RecruiterCvs
{
    public static readonly Person[] People =
    [
        new("goncalves.md", "José Gonçalves", "Jose Goncalves", "University of Lisbon", "Feedzai", "Google", "Lisbon", "Portugal", "jose.goncalves@example.pt", "Senior Backend Engineer", Goncalves) { Project = "Tidewater", SummaryWord = "chargebacks" },
        new("mueller.json", "Anna Müller", "Anna Muller", "Technical University of Munich", "Zalando", "SAP", "Berlin", "Germany", "anna.mueller@example.de", "Staff Machine Learning Engineer", Mueller) { Project = "Lookbook Ranker", SummaryWord = "wardrobes" },
        new("lefevre.tex", "Zoë Lefèvre", "Zoe Lefevre", "École Polytechnique", "Meta", "Criteo", "Paris", "France", "zoe.lefevre@example.fr", "Research Scientist", Lefevre) { Project = "Sparrowhawk", SummaryWord = "auctions" },
        new("nunez.html", "Renée Núñez", "Renee Nunez", "Stanford University", "Stripe", "Amazon", "Seattle", "United States", "renee.nunez@example.com", "Site Reliability Engineer", Nunez) { Project = "Stormglass", SummaryWord = "drills" },
    ];

    /// <summary>Writes the four CVs into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        foreach (var person in People)
        {
            File.WriteAllText(Path.Combine(directory, person.File), person.Content);
        }
    }

    private const string Goncalves = """
        # José Gonçalves

        Senior Backend Engineer

        - Location: Lisbon, Portugal
        - E-mail: jose.goncalves@example.pt
        - Phone: +351 912 345 678
        - Homepage: https://josegoncalves.example.pt

        ## About

        I design payment backends that keep chargebacks rare and latency low.

        ## Experience

        - **Senior Backend Engineer**, Feedzai, 2021 – present, Lisbon, Portugal
        - **Software Engineer**, Google, 2017 – 2021, Zurich, Switzerland

        ## Education

        - MSc in Computer Science, University of Lisbon, 2015 – 2017
        - BSc in Informatics Engineering, Universidade do Porto, 2012 – 2015

        ## Skills

        Rust, gRPC, Redis, Kafka, PostgreSQL

        ## Projects

        - **[Tidewater](https://github.com/jgoncalves/tidewater)**: a feature store for scoring card payments
        """;

    private const string Mueller = """
        {
          "basics": {
            "name": "Anna Müller",
            "label": "Staff Machine Learning Engineer",
            "email": "anna.mueller@example.de",
            "phone": "+49 30 1234567",
            "url": "https://annamueller.example.de",
            "summary": "Builds recommendation systems for online fashion retail that fill wardrobes.",
            "location": { "city": "Berlin", "countryCode": "DE", "region": "Berlin" }
          },
          "work": [
            { "name": "Zalando", "position": "Staff Machine Learning Engineer", "startDate": "2020-03", "location": "Berlin", "summary": "Ranking models for the catalogue." },
            { "name": "SAP", "position": "Machine Learning Engineer", "startDate": "2016-09", "endDate": "2020-02", "location": "Walldorf" }
          ],
          "education": [
            { "institution": "Technical University of Munich", "area": "Informatics", "studyType": "Master of Science", "startDate": "2014", "endDate": "2016" }
          ],
          "skills": [ { "name": "Machine learning", "keywords": ["Python", "PyTorch", "Spark"] } ],
          "projects": [ { "name": "Lookbook Ranker", "description": "Learning to rank outfit pages", "url": "https://github.com/amueller/lookbook-ranker" } ]
        }
        """;

    private const string Lefevre = """
        \documentclass{article}
        \begin{document}
        \begin{center}
        {\LARGE Zoë Lefèvre}\\
        Research Scientist \\
        Paris, France \\
        \href{mailto:zoe.lefevre@example.fr}{zoe.lefevre@example.fr}
        \end{center}

        \section*{Summary}
        I study counterfactual evaluation of online advertising auctions.

        \section*{Experience}
        \textbf{Research Scientist}, Meta\hfill 2022 -- present \\
        Paris, France \\
        \textbf{Machine Learning Engineer}, Criteo \hfill 2019 -- 2022 \\
        Paris, France

        \section*{Education}
        \textbf{PhD in Computer Science}, École Polytechnique \hfill 2015 -- 2019 \\
        \textbf{MSc in Applied Mathematics}, Sorbonne University \hfill 2013 -- 2015

        \section*{Skills}
        Python, PyTorch, JAX, C++

        \section*{Projects}
        \begin{itemize}
        \item \textbf{Sparrowhawk}: off-policy estimators for bidding
        \end{itemize}
        \end{document}
        """;

    private const string Nunez = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Renée Núñez</title></head>
        <body>
        <h1>Renée Núñez</h1>
        <p>Site Reliability Engineer</p><p>Location: Seattle, WA, USA</p>
        <p><a href="mailto:renee.nunez@example.com">renee.nunez@example.com</a></p>
        <h2>Experience</h2>
        <ul>
        <li><strong>Site Reliability Engineer</strong>, Stripe, 2020 – present, Seattle, WA</li>
        <li><strong>Systems Engineer</strong>, Amazon, 2015 – 2020, Seattle, WA</li>
        </ul>
        <h2>Education</h2>
        <ul>
        <li>BS in Computer Science, Stanford University, 2011 – 2015</li>
        </ul>
        <h2>Skills</h2>
        <p>Go, Kubernetes, Terraform, Prometheus</p>
        <h2>Projects</h2>
        <h3>Stormglass</h3>
        <p>Chaos experiments for a payments platform.</p>
        <h2>About</h2>
        <p>I keep payment platforms up through capacity planning and incident drills.</p>
        </body></html>
        """;

    /// <summary>A person, their CV and the facts a recruiter searches by.</summary>
    internal sealed record Person(
        string File, string Name, string PlainName, string School, string CurrentEmployer, string PastEmployer, string City, string Country, string Email, string Title, string Content)
    {
        /// <summary>The name of a project the CV lists.</summary>
        public required string Project { get; init; }

        /// <summary>A word only the person's summary holds.</summary>
        public required string SummaryWord { get; init; }
    }
}
