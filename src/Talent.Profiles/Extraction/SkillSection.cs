using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A skills section's lines read for skills: each line a list (<see cref="SkillList"/>), without the labels that stand
/// over lists (a definition list's terms, written or printed) and without the owner's contact block that often closes
/// a CV under its last section.
/// </summary>
internal static class SkillSection
{
    /// <summary>The skills a skills section's lines name, in order; labels of lists and the owner's contact block left out.</summary>
    public static void Read(List<MarkupLine> lines, string? name, ProfileCatalogs catalogs, List<string> skills)
    {
        // A heading inside the section labels the group under it ("#### Databases"), as a list's label does.
        var filled = lines.Where(l => !l.IsBlank && l.HeadingLevel == 0).ToList();
        var printedTerms = TermsOverLists(filled);
        for (var i = 0; i < filled.Count; i++)
        {
            // "Bioinformatics" over ": Blast, BBtools": a definition list's term labels the list under it.
            var overList = i + 1 < filled.Count && (filled[i + 1].Text.StartsWith(':') || (printedTerms && IsList(filled[i + 1])));
            if (overList && !filled[i].Text.Contains(',', StringComparison.Ordinal))
            {
                continue;
            }

            SkillList.AddFrom(WithoutContact(filled[i], name), catalogs.Skills, skills, catalogs.SkillGroups);
        }

        // After the written lists: a skill both name keeps its written form ("TypeScript" over an icon's "ts").
        foreach (var image in lines.SelectMany(l => l.Links).Where(l => l.IsImage))
        {
            AddImage(image, catalogs, skills);
        }
    }

    /// <summary>
    /// An image in a skills section names skills: a badge (<c>![Python](https://img.shields.io/badge/Python-3776AB…)</c>,
    /// its alt text or the label its address gives), an icon with its alt text (<c>alt="python"</c>), or a list in its
    /// address (<see cref="SkillImages"/>).
    /// </summary>
    private static void AddImage(LinkRef image, ProfileCatalogs catalogs, List<string> skills)
    {
        if (SkillImages.Items(image.Url) is { Count: > 0 } items)
        {
            foreach (var item in items)
            {
                SkillList.AddItem(item, catalogs.Skills, skills, words: catalogs.SkillGroups);
            }

            return;
        }

        // Only a badge or an icon: a chart of languages or a stats card in the section names no skill by its alt text.
        var badge = SkillImages.BadgeLabel(image.Url);
        var icon = image.Url.Contains("icon", StringComparison.OrdinalIgnoreCase) || image.Url.Contains("logo", StringComparison.OrdinalIgnoreCase);
        var label = (badge is not null || icon) && image.Label is { Length: > 0 and <= 60 } alt && !alt.Contains("badge", StringComparison.OrdinalIgnoreCase) ? alt : badge;
        if (label is not null && label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
        {
            SkillList.AddItem(label, catalogs.Skills, skills, words: catalogs.SkillGroups);
        }
    }

    /// <summary>
    /// A definition list as a printed page gives it (a PDF): every list ("Blast, BBtools, Metabat") stands under a line
    /// that is none ("Bioinformatics"), twice or more: those lines are the lists' labels, not skills.
    /// </summary>
    private static bool TermsOverLists(List<MarkupLine> lines)
    {
        var lists = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsList(lines[i]))
            {
                if (i == 0 || IsList(lines[i - 1]) || lines[i - 1].IsBullet)
                {
                    return false;
                }

                lists++;
            }
        }

        return lists >= 2;
    }

    /// <summary>A line of three items or more apart by commas or semicolons.</summary>
    private static bool IsList(MarkupLine line) => line.Plain.Count(c => c is ',' or ';') >= 2;

    /// <summary>
    /// A skills section that ends a CV often closes with the owner's contact block ("Jane Roe -- jane@example.org --
    /// jane.example.org"): the owner's name, e-mail addresses and links that show their own address are no skills.
    /// </summary>
    private static string WithoutContact(MarkupLine line, string? name)
    {
        var text = ContactReader.WithoutEmails(line.Text);
        foreach (var link in line.Links)
        {
            if (link.Label is { Length: > 3 } label && label.Contains('.', StringComparison.Ordinal) && !label.Contains(' ', StringComparison.Ordinal)
                && link.Url.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(label, " ", StringComparison.Ordinal);
            }
        }

        var withoutName = name is null ? text : text.Replace(name, " ", StringComparison.Ordinal);
        if (string.Equals(withoutName, line.Text, StringComparison.Ordinal))
        {
            return withoutName;
        }

        // The rest of a line that held the owner's name or e-mail is their contact block, printed on one line: a web
        // address written without a link ("jane.example.org") is theirs too.
        return string.Join(' ', withoutName.Split(' ').Where(w => !IsBareAddress(w)));
    }

    /// <summary>A word like a host name: letters, digits and hyphens with a dot before a last part of letters ("jane.example.org").</summary>
    private static bool IsBareAddress(string word)
    {
        var dot = word.LastIndexOf('.');
        return dot > 0 && word.Length - dot > 2 && word[(dot + 1)..].All(char.IsAsciiLetterLower)
            && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '/');
    }
}
