using System.Globalization;
using System.Text;

namespace Talent.Tests.Identity;

/// <summary>One generated document: its source id, markdown, and the person it is about (the truth tests compare with).</summary>
internal sealed record NetworkDocument(string SourceId, string Markdown, int Person);

/// <summary>
/// A seeded co-author network: research groups whose members share many papers (every paper lists several members),
/// the same name in different groups (namesakes with their own mail and papers), and people with a second document:
/// a publication list that shares only titles with their CV, under their name written another way (initialled,
/// transliterated, in the other order, or not at all), or a homepage that shares their CV's e-mail.
/// </summary>
internal sealed class CoauthorNetwork
{
    private static readonly string[] Given =
    [
        "Amara", "Bastian", "Calla", "Dmitri", "Elowen", "Farid", "Greta", "Hiroshi", "Ingrid", "Jonas", "Kavya", "Lorenzo", "Maren", "Nikolai",
        "Oksana", "Pavel", "Quentin", "Rosalind", "Soren", "Tamsin", "Ulrich", "Valeria", "Wendell", "Xiomara", "Yannick", "Zofia",
    ];

    private static readonly string[] Family =
    [
        "Abernathy", "Bjornstad", "Castellanos", "Dunleavy", "Esterhazy", "Fairweather", "Gallagher", "Hargreaves", "Ilchenko", "Jablonski",
        "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Oyelaran", "Pemberton", "Quiroga", "Rasmussen", "Sandoval", "Thorvaldsen",
        "Umberger", "Vasquez", "Whitfield", "Yamamoto", "Zielinski", "Müller", "Schröder", "Jäger", "Günther", "Köhler",
    ];

    private static readonly string[] Subjects =
    [
        "Sparse Attention", "Diffusion Sampling", "Graph Partitioning", "Federated Averaging", "Protein Folding", "Causal Discovery",
        "Speculative Decoding", "Neural Rendering", "Contrastive Pretraining", "Mixture of Experts", "Program Synthesis", "Robust Optimisation",
    ];

    private static readonly string[] Shapes =
    [
        "{0} for Scalable {1}", "Revisiting {0} under {1}", "Towards Efficient {0} with {1}", "On the Limits of {0} in {1}", "{0} Meets {1}: A Study",
    ];

    private static readonly string[] Venues = ["NeurIPS 2023", "ICLR 2024", "CVPR 2022", "KDD 2021", "ICML 2024", "AAAI 2023"];

    public CoauthorNetwork(int seed, int groups = 20, int membersPerGroup = 10, int papersPerGroup = 24)
    {
        var random = new Random(seed);
        var names = new List<string>();
        var emails = new List<string>();
        var papers = new List<List<(string Title, string Authors, string Venue)>>();
        for (var g = 0; g < groups; g++)
        {
            var members = Enumerable.Range(0, membersPerGroup).Select(_ => names.Count + 0).ToList();
            var families = Family.OrderBy(_ => random.Next()).Take(membersPerGroup).ToList(); // one family name per group member
            for (var m = 0; m < membersPerGroup; m++)
            {
                // Namesakes: the first member of every group after the first shares the name of the previous group's first member.
                var name = m == 0 && g > 0 ? names[(g - 1) * membersPerGroup] : $"{Given[random.Next(Given.Length)]} {families[m]}";
                members[m] = names.Count;
                names.Add(name);
                emails.Add(string.Create(CultureInfo.InvariantCulture, $"{Ascii(name).Replace(' ', '.').ToLowerInvariant()}{names.Count}@lab{g}.example.org"));
                papers.Add([]);
            }

            for (var p = 0; p < papersPerGroup; p++)
            {
                var title = string.Format(CultureInfo.InvariantCulture, Shapes[random.Next(Shapes.Length)], Subjects[random.Next(Subjects.Length)], Subjects[random.Next(Subjects.Length)])
                    + string.Create(CultureInfo.InvariantCulture, $" ({g}-{p})");
                var authors = members.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).ToList();
                var venue = Venues[random.Next(Venues.Length)];
                foreach (var author in authors)
                {
                    papers[author].Add((title, string.Join(", ", authors.Select(a => names[a])), venue));
                }
            }
        }

        var documents = new List<NetworkDocument>();
        for (var person = 0; person < names.Count; person++)
        {
            var own = papers[person].Count >= 3 ? papers[person] : papers[person].Concat(papers[(person + 1) % names.Count]).Take(3).ToList();
            documents.Add(new NetworkDocument($"cv:{person}", Cv(names[person], emails[person], own), person));
            switch (person % 8)
            {
                case 1:
                    documents.Add(new NetworkDocument($"homepage:{person}", Homepage(names[person], emails[person]), person));
                    break;
                case 3 or 5 or 7 when own.Count >= 3:
                    var form = (person / 8 % 4) switch { 0 => Initialled(names[person]), 1 => Transliterated(names[person]), 2 => Reordered(names[person]), _ => null };
                    documents.Add(new NetworkDocument($"bib:{person}", PublicationList(form, own.Take(Math.Max(3, own.Count - 1)).ToList()), person));
                    break;
            }
        }

        People = names.Count;
        Documents = documents;
    }

    /// <summary>The number of people.</summary>
    public int People { get; }

    public IReadOnlyList<NetworkDocument> Documents { get; }

    private static string Cv(string name, string email, IReadOnlyList<(string Title, string Authors, string Venue)> papers)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"# {name}\n\n{email}\n\n## Research interests\n\nMachine learning systems.\n\n## SELECTED PUBLICATIONS\n\n"));
        foreach (var (title, authors, venue) in papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{title}**  \n  {authors} **{venue}**\n");
        }

        return text.ToString();
    }

    private static string Homepage(string name, string email) =>
        $"# {name}\n\nContact: {email}\n\n## About\n\nI build machine learning systems and teach a course on them.\n";

    private static string PublicationList(string? name, IReadOnlyList<(string Title, string Authors, string Venue)> papers)
    {
        var text = new StringBuilder(name is null ? "" : $"# {name}\n\n");
        text.Append("## Publications\n\n");
        foreach (var (title, authors, venue) in papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{title}**  \n  {authors} **{venue}**\n");
        }

        return text.ToString();
    }

    private static string Initialled(string name) => $"{name[0]}. {name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..]}";

    private static string Transliterated(string name) =>
        name.Contains('ü', StringComparison.Ordinal) || name.Contains('ö', StringComparison.Ordinal) || name.Contains('ä', StringComparison.Ordinal)
            ? name.Replace("ü", "ue", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ä", "ae", StringComparison.Ordinal)
            : Ascii(name).ToUpperInvariant();

    private static string Reordered(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return $"{name[(space + 1)..]} {name[..space]}"; // family name first, as in East Asian order
    }

    private static string Ascii(string name) =>
        name.Replace("ü", "u", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal);
}
