using System.Globalization;
using System.Text;
using Talent.Profiles.Catalogs;

namespace Talent.Benchmarks.Corpus;

/// <summary>One generated person and the document that describes them.</summary>
internal sealed record SyntheticDocument(string SourceId, string ContentType, string Content, string Name, int PublicationCount);

/// <summary>
/// A reproducible corpus of researchers and engineers (the same seed gives the same documents):
/// names from many cultures, careers across years, publications at catalog venues, skills and topics
/// from the catalogs, rendered in the seed formats (markdown CV, tab-columned plain text with inline
/// HTML, homepage with front matter) so every document goes through the real extractor.
/// </summary>
internal sealed class SyntheticCorpus(ProfileCatalogs catalogs, int seed)
{
    private static readonly string[] GivenNames =
    [
        "Wei", "Xiaoming", "Yuki", "Haruto", "Min-jun", "Seo-yeon", "Aarav", "Priya", "Olusegun", "Amara", "José", "María", "Zoë",
        "Søren", "Łukasz", "Agnieszka", "François", "Chloé", "Jürgen", "Anneliese", "Giulia", "Matteo", "Dmitri", "Olga", "Fatima",
        "Omar", "Thandiwe", "Kwame", "Nguyễn", "Linh", "Siddharth", "Ananya", "Mei-Ling", "Jae-won", "Kenji", "Aiko", "Ingrid",
        "Björn", "Niamh", "Seán", "Tomás", "Inês", "Emre", "Elif", "Yosef", "Noa", "Hamid", "Leila", "Rafael", "Camila",
    ];

    private static readonly string[] FamilyNames =
    [
        "Wang", "Li", "Zhang", "Chen", "Tanaka", "Sato", "Kim", "Park", "Sharma", "Iyer", "Adeyemi", "Okafor", "Álvarez-Núñez",
        "García", "Ørsted", "Kowalski", "Nowak", "Dubois", "Lefèvre", "Müller", "Schäfer", "Rossi", "Bianchi", "Ivanov", "Petrova",
        "Haddad", "Khalil", "Mokoena", "Mensah", "Trần", "Pham", "Krishnan", "Reddy", "Lin", "Cho", "Watanabe", "Halvorsen",
        "Lindqvist", "O'Brien", "Ní Bhriain", "Silva", "Costa", "Yılmaz", "Demir", "Cohen", "Levi", "Hosseini", "Rahimi", "Ortiz",
        "Fernández",
    ];

    private static readonly string[] Universities =
    [
        "National University of Singapore", "Tsinghua University", "Stanford University", "ETH Zurich", "University of Toronto",
        "Carnegie Mellon University", "University of Oxford", "Seoul National University", "Indian Institute of Science",
        "University of Tokyo", "Technical University of Munich", "University of Cape Town", "Universidad de Buenos Aires",
        "KTH Royal Institute of Technology", "University of Edinburgh", "Peking University", "EPFL", "University of Washington",
        "Sorbonne University", "University of Melbourne",
    ];

    private static readonly string[] Companies =
    [
        "Northwind Cloud", "Lumen Labs", "Contoso Research", "Fabrikam AI", "Tailspin Systems", "Adatum Robotics", "Litware Data",
        "Proseware Vision", "Wingtip Compute", "Woodgrove Analytics",
    ];

    private static readonly string[] Months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."];

    private static readonly string[] TitleShapes =
    [
        "{0} for {1} at Scale", "Efficient {0} with {1}", "Towards Robust {0}", "{0}: A Study of {1}", "Rethinking {0} for {1}",
        "Scalable {0} via {1}", "Learning {0} from Weak Supervision", "On the Limits of {0}",
    ];

    private readonly IReadOnlyList<VenueInfo> venues = catalogs.Venues.All.Where(v => v.Kind is "conference" or "journal").ToList();
    private readonly IReadOnlyList<string> skills = catalogs.Skills.All.Where(s => !SkillCatalog.IsAmbiguous(s.Name)).Select(s => s.Name).ToList();
    private readonly IReadOnlyList<string> topics = catalogs.Topics.All.Select(t => t.Name).ToList();

    /// <summary>The <paramref name="index"/>-th document; independent of how many others are generated.</summary>
    public SyntheticDocument Document(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        // A middle initial widens 2,500 name pairs to 65,000, so namesakes stay as rare as in real pools.
        var name = $"{Pick(random, GivenNames)} {(char)('A' + random.Next(26))}. {Pick(random, FamilyNames)}";
        var email = $"{Slug(name)}{index.ToString(CultureInfo.InvariantCulture)}@example.org";
        var personTopics = Sample(random, topics, random.Next(2, 5));
        var personSkills = Sample(random, skills, random.Next(4, 10));
        var phdStart = random.Next(2000, 2021);
        var university = Pick(random, Universities);
        var company = Pick(random, Companies);
        var papers = Enumerable.Range(0, random.Next(2, 9)).Select(_ => Paper(random, name, personTopics, phdStart)).ToList();
        var format = index % 3;
        var content = format switch
        {
            0 => MarkdownCv(random, name, email, university, company, phdStart, papers, personSkills, personTopics),
            1 => TabbedText(random, name, email, university, company, phdStart, papers, personSkills, personTopics),
            _ => Homepage(name, email, university, company, phdStart, papers, personTopics),
        };
        return new SyntheticDocument($"synthetic:{seed}:{index}", format == 1 ? "text/plain" : "text/markdown", content, name, papers.Count);
    }

    private (string Title, string Authors, string Venue, int Year, bool First) Paper(Random random, string name, IReadOnlyList<string> personTopics, int phdStart)
    {
        var topic = Capitalize(Pick(random, personTopics));
        var other = Capitalize(Pick(random, topics));
        var title = string.Format(CultureInfo.InvariantCulture, Pick(random, TitleShapes), topic, other) + $" ({random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)})";
        var coauthors = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"{Pick(random, GivenNames)} {Pick(random, FamilyNames)}").ToList();
        var position = random.Next(0, coauthors.Count + 1);
        coauthors.Insert(position, name);
        return (title, string.Join(", ", coauthors), Pick(random, venues).Name, Math.Min(2025, phdStart + random.Next(0, 12)), position == 0);
    }

    private static string MarkdownCv(Random random, string name, string email, string university, string company, int phdStart, List<(string Title, string Authors, string Venue, int Year, bool First)> papers, IReadOnlyList<string> skills, IReadOnlyList<string> topics)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {name}\n\n✉ {email}\n\n## EDUCATION\n\n---\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- {university}** {Pick(random, Months)} {phdStart} – {Pick(random, Months)} {phdStart + 5}  \n*Ph.D. in Computer Science*\n\n");
        text.Append(CultureInfo.InvariantCulture, $"## RESEARCH INTEREST\n\n- {string.Join(", ", topics)}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"## EXPERIENCE\n\n---\n\n- {company}** {Pick(random, Months)} {phdStart + 5} – Present  \n*Research Scientist*\n◦ Led work on {topics[0]} for production systems.\n\n");
        text.Append("## SELECTED PUBLICATIONS\n\n---\n\n");
        foreach (var paper in papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {paper.Title}**  \n{paper.Authors} **{paper.Venue} {paper.Year}**\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n## SKILLS\n\n---\n\n<b>Tools</b>\t{string.Join(", ", skills)}\n");
        return text.ToString();
    }

    private static string TabbedText(Random random, string name, string email, string university, string company, int phdStart, List<(string Title, string Authors, string Venue, int Year, bool First)> papers, IReadOnlyList<string> skills, IReadOnlyList<string> topics)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n\n{name}\n\n✉ {email}\n\nEDUCATION\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{university}\t{Pick(random, Months)} {phdStart} – {Pick(random, Months)} {phdStart + 5}\n<i>Ph.D. in Computer Science</i>\tSingapore\n\n");
        text.Append(CultureInfo.InvariantCulture, $"RESEARCH INTEREST\n\n- {Capitalize(topics[0])}:** {string.Join(", ", topics)}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"INDUSTRY RESEARCH EXPERIENCE\n\n{company}\t{Pick(random, Months)} {phdStart + 5} – Present\n<i>Research Scientist</i>\tRemote\n◦ Built {topics[0]} systems.\t\n\n");
        text.Append("PUBLICATIONS\n\n");
        var number = 0;
        foreach (var paper in papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++number}. **{paper.Title}** {paper.Authors} **{paper.Venue} {paper.Year}**\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nSKILLS\n\nFrameworks {string.Join(", ", skills)}\n");
        return text.ToString();
    }

    private static string Homepage(string name, string email, string university, string company, int phdStart, List<(string Title, string Authors, string Venue, int Year, bool First)> papers, IReadOnlyList<string> topics)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"---\npermalink: /\ntitle: \"{name}\"\nauthor_profile: true\n---\n\n");
        text.Append(CultureInfo.InvariantCulture, $"I am {name}, a research scientist at {company}. I received my Ph.D. from {university}. Contact: {email}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Research\n------\n\nMy research focuses on **{string.Join("**, **", topics)}**.\n\n");
        text.Append("Selected Publications\n------\n\n");
        foreach (var paper in papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"* {paper.Title} \\\n  | <span style=\"color:green; font-style:italic\">{paper.Venue} {paper.Year}</span> |{(paper.First ? " first author" : "")}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Education\n------\n* **{university}** \\\n  Ph.D. in Computer Science \\\n  *{phdStart}.09 - {phdStart + 5}.06*\n");
        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Sample<T>(Random random, IReadOnlyList<T> items, int count) =>
        Enumerable.Range(0, count).Select(_ => Pick(random, items)).Distinct().ToList();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slug(string name) =>
        new(name.Normalize(NormalizationForm.FormD).Where(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z').Select(char.ToLowerInvariant).ToArray());
}
