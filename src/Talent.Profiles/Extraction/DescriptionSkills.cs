using System.Text;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The catalog skills a job or paper description asks for. Prose is read as <see cref="SkillCatalog.FindIn"/> reads it
/// ("we go to market" names no skill); lists are read as a CV's skill section is (<see cref="SkillList"/>), where
/// names that are also ordinary words ("Go", "C", "Rust") are skills:
/// a line labelled by one of the catalog's list labels ("Required skills: Go, PostgreSQL"), the lines under a heading
/// made of them ("Requirements:", "## Tech stack", and its bullets), and an unlabelled comma or bullet list whose items
/// are mostly, and at least two, catalog names ("Go, PostgreSQL and Kafka"; "- Go" "- Redis").
/// </summary>
public static class DescriptionSkills
{
    private static readonly char[] Bullets = ['-', '*', '•', '·', '–', '—', '▪', '◦', '+'];

    /// <summary>
    /// The skills <paramref name="text"/> requires and those it only wishes for: the lists and lines a preferred marker
    /// of the catalog labels or heads ("Nice to have: Redis", "## Bonus points", "Kafka is a plus") name preferred
    /// skills; every other mention is a requirement, and a skill named both ways is required.
    /// </summary>
    public static DescribedSkills Read(string text, ProfileCatalogs catalogs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogs);
        var lines = text.Split('\n');
        // The first line with text after each line, found in one pass from the end (a blank line looks at it).
        var nextText = new string?[lines.Length];
        for (var i = lines.Length - 2; i >= 0; i--)
        {
            nextText[i] = lines[i + 1].Trim() is { Length: > 0 } next ? next : nextText[i + 1];
        }

        var reading = new Reading(catalogs);
        for (var i = 0; i < lines.Length; i++)
        {
            reading.Line(lines[i].Trim(), nextText[i]);
        }

        var described = reading.Finish();
        return described with { Alternatives = Alternatives(lines, catalogs.Skills, described) };
    }

    /// <summary>
    /// "Python or Go", "Kubernetes or ECS", "C/C++": names joined by "or" or a slash within one item of a line, each
    /// part naming one skill, all of them required (or all wished for): any one of them meets the requirement.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<string>> Alternatives(string[] lines, SkillCatalog skills, DescribedSkills described)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var item in lines.SelectMany(SkillList.SplitOutsideParentheses))
        {
            var parts = item.Split([" or ", "/"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            var names = parts.Select(skills.FindInList).ToList();
            if (names.Any(n => n.Count != 1))
            {
                continue;
            }

            var group = names.Select(n => n[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (group.Count >= 2
                && (group.All(described.Required.Contains) || group.All(described.Preferred.Contains))
                && !groups.Any(g => g.SequenceEqual(group)))
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    /// <summary>One description read line by line: where lists and sections begin and end, and what they wish for.</summary>
    private sealed class Reading(ProfileCatalogs catalogs)
    {
        private readonly SkillCatalog skills = catalogs.Skills;
        private readonly Mentions required = new();
        private readonly Mentions preferred = new();
        private readonly List<string> run = []; // items of consecutive bullet lines outside a labelled section
        private bool runPreferred;
        private bool inSection;
        private bool wished; // the current heading, label or block marks its skills as preferred

        public void Line(string line, string? next)
        {
            var bullet = BulletText(line);
            if (bullet is null)
            {
                AddNames(run, skills, (runPreferred ? preferred : required).Listed);
                run.Clear();
            }

            if (line.Length == 0)
            {
                // A blank line ends a section (and what it wishes for) unless its bullets go on after it.
                var goesOn = next is not null && BulletText(next) is not null;
                inSection = inSection && goesOn;
                wished = wished && goesOn;
                return;
            }

            var (label, rest) = Label(bullet ?? line);
            if (label is not null && skills.IsListLabel(label))
            {
                // "Requirements:" opens a section; "Skills: Go, Rust" is the list itself, and a section's bullets go on past it.
                inSection = rest.Length == 0 || (inSection && bullet is not null);
                wished = rest.Length == 0 ? skills.IsPreferred(label) : wished;
                var labelled = wished || skills.IsPreferred(label) ? preferred : required;
                labelled.Prose.AppendLine(label);
                List(rest, labelled);
            }
            else if (bullet is null && IsHeading(line) && !(inSection && skills.Find(line) is not null))
            {
                // A section's lines may be one name each ("Go"); any other short line is the next heading.
                inSection = skills.IsListHeading(line);
                wished = skills.IsPreferred(line);
                (wished ? preferred : required).Prose.AppendLine(line);
            }
            else
            {
                // A paragraph of sentences is not a list, whatever the heading above it ("Frameworks" over an abstract).
                inSection = inSection && (bullet is not null || !IsSentences(line));
                if (inSection || bullet is not null)
                {
                    ListLine(line, bullet);
                }
                else
                {
                    Prose(label, label is null ? line : rest);
                }
            }
        }

        public DescribedSkills Finish()
        {
            AddNames(run, skills, (runPreferred ? preferred : required).Listed);
            var requiredNames = required.Names(skills);
            return new DescribedSkills(requiredNames, [.. preferred.Names(skills).Except(requiredNames, StringComparer.Ordinal)]);
        }

        /// <summary>A line of a section, or a bullet of an unlabelled list (read when the list ends).</summary>
        private void ListLine(string line, string? bullet)
        {
            var mentions = wished || skills.IsPreferred(line) ? preferred : required;
            if (inSection)
            {
                List(bullet ?? line, mentions);
            }
            else
            {
                mentions.Prose.AppendLine(line);
                runPreferred = run.Count == 0 ? ReferenceEquals(mentions, preferred) : runPreferred;
                run.AddRange(Items(bullet!)); // not in a section: a bullet line
            }
        }

        /// <summary>
        /// A list's text and items for <paramref name="mentions"/>, but for a parenthesis that wishes ("PostgreSQL (optional:
        /// Redis, Celery)"), whose text and items are preferred.
        /// </summary>
        private void List(string text, Mentions mentions)
        {
            var kept = new StringBuilder(text.Length);
            var start = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '(' && start < 0)
                {
                    start = i;
                }
                else if (text[i] == ')' && start >= 0)
                {
                    var inside = text[(start + 1)..i];
                    if (skills.IsPreferred(inside))
                    {
                        preferred.Prose.AppendLine(inside);
                        AddListed(Label(inside).Text, catalogs, preferred.Listed);
                    }
                    else
                    {
                        kept.Append(text, start, i - start + 1);
                    }

                    start = -1;
                }
                else if (start < 0)
                {
                    kept.Append(text[i]);
                }
            }

            if (start >= 0)
            {
                kept.Append(text, start, text.Length - start); // an unclosed parenthesis stays as written
            }

            mentions.Prose.AppendLine(kept.ToString());
            AddListed(kept.ToString(), catalogs, mentions.Listed);
        }

        /// <summary>Prose, sentence by sentence: "You know PostgreSQL. Redis is a plus." requires one and wishes for the other.</summary>
        private void Prose(string? label, string text)
        {
            foreach (var sentence in Sentences(text))
            {
                var mentions = wished || skills.IsPreferred(sentence) ? preferred : required;
                mentions.Prose.AppendLine(sentence);
                AddNames(Items(sentence), skills, mentions.Listed, sentence: true);
            }

            if (label is not null)
            {
                (wished ? preferred : required).Prose.AppendLine(label);
            }
        }
    }

    /// <summary>The lines of one kind of mention (required or preferred) and the names their lists hold.</summary>
    private sealed class Mentions
    {
        public StringBuilder Prose { get; } = new();

        public List<string> Listed { get; } = [];

        /// <summary>Prose mentions first, then listed names, each once.</summary>
        public List<string> Names(SkillCatalog skills) => [.. skills.FindIn(Prose.ToString()).Concat(Listed).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Items of a skill list line, as a CV's skill section reads them; names as the catalog writes them.</summary>
    private static void AddListed(string text, ProfileCatalogs catalogs, List<string> listed)
    {
        var found = new List<string>();
        foreach (var item in SkillList.SplitOutsideParentheses(text))
        {
            SkillList.AddItem(item, catalogs.Skills, found, keepUnknown: false, words: catalogs.SkillGroups);
        }

        listed.AddRange(found.Select(f => catalogs.Skills.Find(f)?.Name).OfType<string>());
    }

    /// <summary>
    /// Items of an unlabelled list count when two or more of them, and at least half, are catalog names, each as a whole
    /// item (a reference list's "Brown, C., Duncan, G." is not a list of skills). A sentence's
    /// list also counts the name that ends its first item and the one that starts its last ("Our stack is Go, …,
    /// Redis and Kubernetes in production").
    /// </summary>
    private static void AddNames(List<string> items, SkillCatalog skills, List<string> listed, bool sentence = false)
    {
        var named = items.Select(i => skills.Find(i)?.Name).OfType<string>().ToList();
        var names = named.Distinct(StringComparer.Ordinal).ToList();
        if (names.Count < 2 || named.Count * 2 < items.Count)
        {
            return;
        }

        listed.AddRange(names);
        if (sentence)
        {
            var first = items[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var last = items[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            listed.AddRange(Enumerable.Range(1, Math.Min(MaxNameWords, first.Length))
                .Select(n => skills.Find(string.Join(' ', first[^n..]))?.Name).OfType<string>().Take(1));
            listed.AddRange(Enumerable.Range(1, Math.Min(MaxNameWords, last.Length))
                .Select(n => skills.Find(string.Join(' ', last[..n]))?.Name).OfType<string>().Take(1));
        }
    }

    /// <summary>The most words a name at the edge of a sentence's list is looked for in.</summary>
    private const int MaxNameWords = 3;

    /// <summary>A line's sentences: split after a full stop, question or exclamation mark followed by a space.</summary>
    private static IEnumerable<string> Sentences(string line)
    {
        var start = 0;
        for (var i = 0; i + 1 < line.Length; i++)
        {
            if (line[i] is '.' or '!' or '?' && line[i + 1] == ' ')
            {
                yield return line[start..(i + 1)];
                start = i + 2;
            }
        }

        if (start < line.Length)
        {
            yield return line[start..];
        }
    }

    /// <summary>"Go, PostgreSQL and Kafka." → Go, PostgreSQL, Kafka.</summary>
    private static List<string> Items(string text) =>
        SkillList.SplitOutsideParentheses(text)
            .SelectMany(i => i.Split([" and ", " or ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(i => i.Trim('.', '!', '?', ' '))
            .Where(i => i.Length > 0)
            .ToList();

    /// <summary>The text of a bullet line ("- Go", "• Go", "1. Go"), or null for any other line.</summary>
    private static string? BulletText(string line)
    {
        if (line.Length >= 2 && Array.IndexOf(Bullets, line[0]) >= 0 && char.IsWhiteSpace(line[1]))
        {
            return line[2..].Trim();
        }

        var digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && line.Length > digits + 1 && line[digits] is '.' or ')' && char.IsWhiteSpace(line[digits + 1])
            ? line[(digits + 2)..].Trim()
            : null;
    }

    /// <summary>"Required skills: Go, Rust" → ("Required skills", "Go, Rust"); a line without a short label before a colon → (null, line).</summary>
    private static (string? Label, string Text) Label(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        return colon is > 0 and <= 40 ? (line[..colon].Trim('*', '#', ' '), line[(colon + 1)..].Trim()) : (null, line);
    }

    /// <summary>A heading line: "## Requirements", "What you bring" — a few words without sentence punctuation.</summary>
    private static bool IsHeading(string line)
    {
        var text = line.Trim('#', '*', ' ');
        return text.Length is > 0 and <= 40 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
            && !text.Any(c => c is '.' or ',' or ';' or '!' or '?');
    }

    /// <summary>A line of sentences: more than <see cref="MaxListLineWords"/> words and a full stop.</summary>
    private static bool IsSentences(string line) =>
        (line.EndsWith('.') || line.Contains(". ", StringComparison.Ordinal)) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxListLineWords;

    /// <summary>The most words a line of a skill section has when it ends a sentence ("Strong SQL and Go skills.").</summary>
    private const int MaxListLineWords = 12;
}

/// <summary>The skills a description requires and those it would like (canonical names, each once, required first).</summary>
public sealed record DescribedSkills(IReadOnlyList<string> Required, IReadOnlyList<string> Preferred)
{
    /// <summary>Skills of which any one meets a requirement ("Python or Go"), each group of required or of preferred names.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; init; } = [];

    /// <summary>Every skill named, required then preferred.</summary>
    public IReadOnlyList<string> All => [.. Required, .. Preferred];
}
