using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Profile facts in a page's front matter: the name (<c>name</c>, <c>author</c>, <c>first_name</c>/<c>last_name</c>, or a
/// title or description that names a person), e-mail, social links, education entries (Hugo Blox <c>education.courses</c>
/// and lists of maps with an institution), interests and the summary (<c>bio</c>, <c>summary</c>, <c>about</c>).
/// </summary>
internal static class FrontMatterReader
{
    public static ExtractedProfile Read(Dictionary<string, object> values, ProfileCatalogs catalogs)
    {
        var emails = new List<string>();
        var links = new List<string>();
        foreach (var text in Strings(values, "email", "e-mail", "mail"))
        {
            if (text.Contains('@', StringComparison.Ordinal))
            {
                emails.Add(text.Trim().ToLowerInvariant());
            }
        }

        foreach (var link in SocialLinks(values))
        {
            if (link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                continue; // read with every other mailto: link below
            }

            if (!link.Contains("://", StringComparison.Ordinal) && link.Contains('@', StringComparison.Ordinal) && !link.Contains(' ', StringComparison.Ordinal))
            {
                emails.Add(link.Trim().ToLowerInvariant()); // a profile whose url is the address itself
            }
            else if (WebAddress.Normalize(link) is { } normalized)
            {
                links.Add(WebAddress.AsProfileLink(normalized) ?? normalized);
            }
        }

        emails.AddRange(FrontMatterEntries.MailtoAddresses(values).Select(a => Uri.UnescapeDataString(a).Trim().ToLowerInvariant()));

        return new ExtractedProfile
        {
            Name = NameOf(values, catalogs.Vocabulary.NameLeadIns),
            Emails = emails.Distinct(StringComparer.Ordinal).ToList(),
            Links = links.Distinct(StringComparer.Ordinal).ToList(),
            Education = Education(values, catalogs),
            Experience = FrontMatterEntries.Experience(values),
            Skills = FrontMatterEntries.Skills(values, catalogs),
            Interests = Strings(values, "interests", "research_interests").Where(i => i.Length is > 2 and < 200).ToList(),
            Summary = ProfileLimits.Bounded(Strings(values, "bio", "summary", "about").FirstOrDefault(s => s.Contains(' ', StringComparison.Ordinal)), ProfileLimits.SummaryLength),
        };
    }

    private static string? NameOf(Dictionary<string, object> values, IReadOnlyList<string> leadIns)
    {
        foreach (var key in new[] { "name", "author", "full_name", "fullname" })
        {
            var value = values.GetValueOrDefault(key);
            var text = value as string ?? (value as Dictionary<string, object>)?.GetValueOrDefault("name") as string;
            if (text is not null && AuthorList.AsPersonName(text) is { } name)
            {
                return name;
            }
        }

        if (values.GetValueOrDefault("first_name") is string first && values.GetValueOrDefault("last_name") is string last
            && AuthorList.AsPersonName($"{first} {last}") is { } full)
        {
            return full;
        }

        return PersonNames.FromTitle(values.GetValueOrDefault("title") as string, leadIns)
            ?? PersonNames.FromTitle(values.GetValueOrDefault("description") as string, leadIns);
    }

    private static IEnumerable<string> SocialLinks(Dictionary<string, object> values)
    {
        foreach (var key in new[] { "social", "links", "profiles" })
        {
            if (values.GetValueOrDefault(key) is not List<object> items)
            {
                continue;
            }

            foreach (var item in items.OfType<Dictionary<string, object>>())
            {
                if ((item.GetValueOrDefault("link") ?? item.GetValueOrDefault("url")) is string url && (url.Contains(':', StringComparison.Ordinal) || url.Contains('@', StringComparison.Ordinal)))
                {
                    yield return url.Trim();
                }
            }
        }
    }

    /// <summary>
    /// Education entries: any list of maps under an "education" key (or its "courses") with an institution or school; a
    /// Hugo Blox <c>area</c> ("PhD Computer Science", "M.Eng. in Cybersecurity") gives the degree and its field, and an
    /// area naming a position but no degree ("Visiting Affiliate Researcher") is a stay, not studies.
    /// </summary>
    private static List<EducationEntry> Education(Dictionary<string, object> values, ProfileCatalogs catalogs)
    {
        var institutions = catalogs.Institutions;
        var entries = new List<EducationEntry>();
        var education = values.GetValueOrDefault("education");
        var items = education as List<object> ?? ((education as Dictionary<string, object>)?.GetValueOrDefault("courses") as List<object>) ?? [];
        foreach (var item in items.OfType<Dictionary<string, object>>())
        {
            var written = (item.GetValueOrDefault("institution") ?? item.GetValueOrDefault("school") ?? item.GetValueOrDefault("university")) as string;
            if (string.IsNullOrWhiteSpace(written))
            {
                continue;
            }

            var institution = institutions.Find(written) ?? InstitutionNames.Find(written, institutions) ?? written.Trim();
            var year = item.GetValueOrDefault("year") as string;
            var (degree, field) = item.GetValueOrDefault("area") is string area ? DegreeAndField(area, catalogs.Vocabulary) : (null, null);
            if (degree is null && field is not null && EducationReader.NamesPosition(field, catalogs.Vocabulary))
            {
                continue;
            }

            entries.Add(new EducationEntry
            {
                Institution = institution,
                Degree = (item.GetValueOrDefault("course") ?? item.GetValueOrDefault("degree")) as string ?? degree,
                Field = field,
                Start = item.GetValueOrDefault("date_start") is string start ? DateNotation.Normalize(start) : null,
                End = year is { Length: 4 } && year.All(char.IsDigit) ? year : item.GetValueOrDefault("date_end") is string end ? DateNotation.Normalize(end) : null,
            });
        }

        return entries;
    }

    /// <summary>"PhD Computer Science" → PhD, Computer Science; "M.Eng. in Cybersecurity; B.A. in French" → M.Eng., Cybersecurity; no degree → the area as the field.</summary>
    private static (string? Degree, string? Field) DegreeAndField(string area, ExtractionVocabulary vocabulary)
    {
        var text = area.Split(';')[0].Trim();
        var degree = vocabulary.DegreeIn(text);
        if (!degree.Success)
        {
            return (null, text.Length > 0 ? text : null);
        }

        var field = text[(degree.Index + degree.Length)..].Trim(' ', ',', '-', '–', ':', '(', ')');
        foreach (var lead in new[] { "in ", "of ", "on " })
        {
            if (field.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                field = field[lead.Length..].Trim();
            }
        }

        return (degree.Value.Trim(), field.Length > 1 ? field : null);
    }

    private static IEnumerable<string> Strings(Dictionary<string, object> values, params string[] keys)
    {
        foreach (var key in keys)
        {
            switch (values.GetValueOrDefault(key))
            {
                case string text:
                    yield return text;
                    break;
                case List<object> list:
                    foreach (var text in list.OfType<string>())
                    {
                        yield return text;
                    }

                    break;
            }
        }
    }
}
