using System.Globalization;
using System.Text;
using Talent.Profiles.Catalogs;

namespace Talent.Benchmarks.Corpus;

/// <summary>One document about a generated person.</summary>
internal sealed record SyntheticDocument(string SourceId, string ContentType, string Content, string Name, int PublicationCount);

/// <summary>
/// A reproducible corpus of researchers and engineers (the same seed gives the same documents): names from
/// many cultures (some written in CJK script with their romanisation, accents, hyphens, apostrophes),
/// careers across years, publications at catalog venues, skills and topics from the catalogs, rendered in
/// the four seed formats (markdown CV, tab-columned plain text with inline HTML, homepage with front matter,
/// scholar-style publication page with abstracts) so every document goes through the real extractor. One
/// person in ten also has a scholar-style page beside their CV, which merges with it through the titles
/// they share, as the seeds' two documents of one person do.
/// </summary>
internal sealed class SyntheticCorpus(ProfileCatalogs catalogs, int seed)
{
    /// <summary>Chinese family names in Han script with their romanisation.</summary>
    private static readonly (string Script, string Romanized)[] ChineseFamilies =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao"), ("黄", "Huang"),
        ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"),
        ("何", "He"), ("郭", "Guo"), ("马", "Ma"), ("罗", "Luo"),
    ];

    /// <summary>Characters of Chinese given names, two to a name, with their romanisation.</summary>
    private static readonly (string Script, string Romanized)[] ChineseGiven =
    [
        ("小", "xiao"), ("明", "ming"), ("伟", "wei"), ("静", "jing"), ("洋", "yang"), ("思", "si"), ("远", "yuan"), ("帆", "fan"),
        ("磊", "lei"), ("敏", "min"), ("婷", "ting"), ("昊", "hao"), ("嘉", "jia"), ("欣", "xin"), ("宇", "yu"), ("泽", "ze"),
        ("晨", "chen"), ("佳", "jia"), ("子", "zi"), ("涵", "han"), ("俊", "jun"), ("杰", "jie"), ("文", "wen"), ("博", "bo"),
        ("雪", "xue"), ("丽", "li"), ("强", "qiang"), ("华", "hua"), ("平", "ping"), ("云", "yun"),
    ];

    /// <summary>Korean family names and given-name syllables in Hangul with their romanisation.</summary>
    private static readonly (string Script, string Romanized)[] KoreanFamilies =
        [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon")];

    private static readonly (string Script, string Romanized)[] KoreanGiven =
    [
        ("민", "min"), ("준", "jun"), ("서", "seo"), ("연", "yeon"), ("지", "ji"), ("훈", "hoon"), ("수", "su"), ("빈", "bin"),
        ("하", "ha"), ("은", "eun"), ("도", "do"), ("현", "hyun"), ("우", "woo"), ("유", "yu"), ("진", "jin"),
    ];

    private static readonly string[] ArxivCategories = ["CV", "LG", "CL", "AI", "RO", "DC", "CR", "IR"];

    private static readonly string[] AbstractOpenings =
    [
        "{0} has become central to modern systems, yet progress on {1} remains limited by cost and data.",
        "Recent advances in {0} raise new questions about how it interacts with {1}.",
        "We study {0} in settings where {1} is expensive, noisy or only partly observed.",
        "Existing approaches to {0} scale poorly and ignore what {1} can offer.",
    ];

    private static readonly string[] AbstractMethods =
    [
        "We propose a simple method that combines {0} with {1} and trains end to end.",
        "Our approach decomposes the problem into stages and shares representations between {0} and {1}.",
        "We introduce a benchmark and a baseline that make {0} comparable across tasks involving {1}.",
        "We derive bounds for {0} and show how {1} tightens them in practice.",
    ];

    private static readonly string[] AbstractResults =
    [
        "Experiments on {2} datasets show gains of {3}% over strong baselines at a fraction of the compute.",
        "Across {2} benchmarks our method improves accuracy by {3} points while using less memory.",
        "On {2} public datasets we match the state of the art and run {3} times faster.",
        "A study with {2} settings shows that the gains hold under distribution shift, by {3}% on average.",
    ];

    private static readonly string[] GivenNames =
    [
        "Wei", "Xiaoming", "Yuki", "Haruto", "Min-jun", "Seo-yeon", "Aarav", "Priya", "Olusegun", "Amara", "José", "María", "Zoë",
        "Søren", "Łukasz", "Agnieszka", "François", "Chloé", "Jürgen", "Anneliese", "Giulia", "Matteo", "Dmitri", "Olga", "Fatima",
        "Omar", "Thandiwe", "Kwame", "Nguyễn", "Linh", "Siddharth", "Ananya", "Mei-Ling", "Jae-won", "Kenji", "Aiko", "Ingrid",
        "Björn", "Niamh", "Seán", "Tomás", "Inês", "Emre", "Elif", "Yosef", "Noa", "Hamid", "Leila", "Rafael", "Camila",
        "Ahmed", "Aisha", "Anders", "Astrid", "Bogdan", "Beatriz", "Chiara", "Ciarán", "Darius", "Dilnoza", "Eero", "Esther",
        "Farhan", "Freya", "Gökhan", "Hana", "Ibrahim", "Ilse", "Jakub", "Jana", "Karim", "Katarzyna", "Laleh", "Lars",
        "Mateus", "Miriam", "Nadia", "Nikolai", "Oluwaseun", "Paola", "Pedro", "Petra", "Radu", "Rania", "Sakura", "Santiago",
        "Tariq", "Tove", "Umar", "Valentina", "Vikram", "Wanjiru", "Xavier", "Yara", "Youssef", "Zainab", "Zoltán", "Ximena",
        "Ren", "Hyun-woo", "Anh", "Bao",
    ];

    private static readonly string[] FamilyNames =
    [
        "Wang", "Li", "Zhang", "Chen", "Tanaka", "Sato", "Kim", "Park", "Sharma", "Iyer", "Adeyemi", "Okafor", "Álvarez-Núñez",
        "García", "Ørsted", "Kowalski", "Nowak", "Dubois", "Lefèvre", "Müller", "Schäfer", "Rossi", "Bianchi", "Ivanov", "Petrova",
        "Haddad", "Khalil", "Mokoena", "Mensah", "Trần", "Pham", "Krishnan", "Reddy", "Lin", "Cho", "Watanabe", "Halvorsen",
        "Lindqvist", "O'Brien", "Ní Bhriain", "Silva", "Costa", "Yılmaz", "Demir", "Cohen", "Levi", "Hosseini", "Rahimi", "Ortiz",
        "Fernández", "Abubakar", "Andersson", "Bauer", "Ben-David", "Castillo", "Chatterjee", "Dimitrov", "Duarte", "Eriksen",
        "Fischer", "Gonzaga", "Hashemi", "Horvath", "Ibáñez", "Jovanović", "Kaya", "Kuznetsova", "Lopes", "Mahlangu", "Moreau",
        "Nakamura", "Novák", "Oyelaran", "Papadopoulos", "Quispe", "Rahman", "Sánchez-Vega", "Søndergaard", "Takahashi",
        "Van der Berg", "Virtanen", "Wiśniewski", "Yamamoto", "Zhou", "Huang", "Nair", "Banerjee", "Osei", "Kariuki", "Ruiz",
        "Lund", "Hoang", "Vo", "Shapiro", "Greenberg", "MacLeod", "De Luca", "Esposito", "Kovačević", "Szabó",
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

    /// <summary>
    /// The name papers use, and the name the person's own documents lead with: one person in twenty writes it in Han or
    /// Hangul script, followed by its romanisation in parentheses. Two middle initials keep namesakes about as rare at a
    /// million people as they are in real pools (same name, institution and period would merge two people).
    /// </summary>
    private static (string Name, string Heading) Name(Random random)
    {
        if (random.Next(20) == 0)
        {
            var korean = random.Next(4) == 0;
            var family = korean ? Pick(random, KoreanFamilies) : Pick(random, ChineseFamilies);
            var syllables = korean ? KoreanGiven : ChineseGiven;
            var (first, second) = (Pick(random, syllables), Pick(random, syllables));
            var given = Capitalize(first.Romanized + second.Romanized);
            var romanized = $"{given} {family.Romanized}";
            return (romanized, $"{family.Script}{first.Script}{second.Script} ({romanized})");
        }

        var name = $"{Pick(random, GivenNames)} {(char)('A' + random.Next(26))}. {(char)('A' + random.Next(26))}. {Pick(random, FamilyNames)}";
        return (name, name);
    }

    /// <summary>The <c>corpus</c> area: writes documents to files, to read them or to feed them to <c>talent parse</c> and <c>talent ingest</c>.</summary>
    public static async Task<int> WriteAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var from = int.Parse(Option("--from") ?? "0", CultureInfo.InvariantCulture);
        var to = int.Parse(Option("--to") ?? "20", CultureInfo.InvariantCulture);
        var output = Directory.CreateDirectory(Option("--out") ?? "synthetic-corpus").FullName;
        var corpus = new SyntheticCorpus(ProfileCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "config")), int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture));
        for (var person = from; person < to; person++)
        {
            foreach (var document in corpus.Documents(person))
            {
                var file = document.SourceId.Replace(':', '-') + (document.ContentType == "text/markdown" ? ".md" : ".txt");
                await File.WriteAllTextAsync(Path.Combine(output, file), document.Content);
            }
        }

        Console.WriteLine($"people {from}..{to - 1} written to {output}");
        return 0;
    }

    /// <summary>How many documents the first <paramref name="people"/> people have, without generating them.</summary>
    public static int DocumentCount(int people) => people + Enumerable.Range(0, people).Count(HasScholarPage);

    /// <summary>
    /// The documents about the <paramref name="person"/>-th person, independent of how many others are generated: one,
    /// and for one person in ten a scholar-style publication page beside it.
    /// </summary>
    public IReadOnlyList<SyntheticDocument> Documents(int person)
    {
        // Not HashCode.Combine: it differs from process to process, and one seed must give the same corpus in every run.
        var random = new Random(unchecked((seed * 1_000_003) + person));
        var (name, heading) = Name(random);
        var email = $"{Slug(name)}{person.ToString(CultureInfo.InvariantCulture)}@example.org";
        var personTopics = Sample(random, topics, random.Next(2, 5));
        var personSkills = Sample(random, skills, random.Next(4, 10));
        var phdStart = random.Next(2000, 2021);
        var university = Pick(random, Universities);
        var company = Pick(random, Companies);
        var papers = Enumerable.Range(0, random.Next(2, 9)).Select(_ => Paper(random, name, personTopics, phdStart)).ToList();
        var format = person % 4;
        var content = format switch
        {
            0 => MarkdownCv(random, heading, email, university, company, phdStart, papers, personSkills, personTopics),
            1 => TabbedText(random, heading, email, university, company, phdStart, papers, personSkills, personTopics),
            2 => Homepage(heading, email, university, company, phdStart, papers, personTopics),
            _ => ScholarPage(random, heading, university, papers, personTopics),
        };
        var documents = new List<SyntheticDocument>
        {
            new($"synthetic:{seed}:{person}", format == 1 ? "text/plain" : "text/markdown", content, name, papers.Count),
        };
        if (HasScholarPage(person))
        {
            documents.Add(new($"synthetic:{seed}:{person}:scholar", "text/plain", ScholarPage(random, heading, university, papers, personTopics), name, papers.Count));
        }

        return documents;
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

    /// <summary>Whether the person has a scholar-style page beside a document of another format: one person in ten.</summary>
    private static bool HasScholarPage(int person) => person % 4 != 3 && person % 10 == 7;

    /// <summary>A scholar-style publication page (as the seeds' third document): metrics, then per paper its category and date, title, authors and abstract.</summary>
    private string ScholarPage(Random random, string name, string university, List<(string Title, string Authors, string Venue, int Year, bool First)> papers, IReadOnlyList<string> personTopics)
    {
        var text = new StringBuilder();
        var citations = random.Next(20, 20_000);
        text.Append(CultureInfo.InvariantCulture, $"{name}\n\nCV\nh-index{random.Next(2, 60)}\n{papers.Count}papers\n{citations:N0}citations\n\n{papers.Count} Papers\n\n");
        var affiliation = university.Split(' ')[^1].ToLowerInvariant();
        foreach (var paper in papers)
        {
            var authors = paper.Authors.Split(", ");
            var shown = authors.Length > 3 ? string.Join(", ", authors[..3]) + " et al." : string.Join(", ", authors);
            text.Append(CultureInfo.InvariantCulture, $"{Pick(random, ArxivCategories)}{Months[random.Next(12)].TrimEnd('.')} {random.Next(1, 29)}, {paper.Year}{(random.Next(2) == 0 ? "Code" : "")}\n");
            text.Append(CultureInfo.InvariantCulture, $"{paper.Title}\n\n{shown}{(random.Next(2) == 0 ? " · " + affiliation : "")}\n\n{Abstract(random, personTopics)}\n\n");
        }

        return text.ToString();
    }

    private string Abstract(Random random, IReadOnlyList<string> personTopics)
    {
        var topic = Pick(random, personTopics);
        var other = Pick(random, topics);
        var sentences = new[] { Pick(random, AbstractOpenings), Pick(random, AbstractMethods), Pick(random, AbstractMethods), Pick(random, AbstractResults) }
            .Select(sentence => string.Format(CultureInfo.InvariantCulture, sentence, topic, other, random.Next(3, 12), random.Next(2, 40)));
        return Capitalize(string.Join(' ', sentences));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Sample<T>(Random random, IReadOnlyList<T> items, int count) =>
        Enumerable.Range(0, count).Select(_ => Pick(random, items)).Distinct().ToList();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slug(string name) =>
        new(name.Normalize(NormalizationForm.FormD).Where(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z').Select(char.ToLowerInvariant).ToArray());
}
