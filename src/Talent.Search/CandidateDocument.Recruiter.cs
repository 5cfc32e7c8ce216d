using Lucene.Net.Documents;
using Lucene.Net.Util;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search.Recruiting;

namespace Talent.Search;

/// <summary>What a result card shows about a person's work and whereabouts, stored with the candidate.</summary>
internal sealed record StoredRecruiterFacts(
    string? Title,
    string? Employer,
    string? City,
    string? Country,
    IReadOnlyList<string> Employers,
    IReadOnlyList<string> Schools,
    string? Degree,
    int? ExperienceYears,
    string? Contact,
    IReadOnlyList<string>? Subjects = null);

/// <summary>The recruiter fields of a candidate document: schools, employers, places, titles, degree, experience, contact.</summary>
internal static partial class CandidateDocument
{
    private static StoredRecruiterFacts AddRecruiterFields(Document doc, CandidateProfile profile, DateTimeOffset updatedAt, CountryCatalog countries)
    {
        var facts = RecruiterFacts.Of(profile, updatedAt.Year, countries);
        var employers = facts.CurrentEmployers.Concat(facts.PastEmployers).ToList();
        foreach (var school in facts.Schools)
        {
            AddText(doc, IndexFields.Schools, school);
            AddText(doc, IndexFields.About, school);
        }

        foreach (var field in profile.Education.Select(e => e.Value.Field))
        {
            AddText(doc, IndexFields.About, field);
        }

        // Free text finds employers through the roles field, which holds them already.
        foreach (var employer in employers)
        {
            AddText(doc, IndexFields.Employers, employer);
        }

        foreach (var employer in facts.CurrentEmployers)
        {
            AddText(doc, IndexFields.EmployersNow, employer);
        }

        foreach (var title in facts.Titles)
        {
            AddText(doc, IndexFields.JobTitles, title);
        }

        foreach (var place in facts.Places)
        {
            AddText(doc, IndexFields.Places, place);
            AddText(doc, IndexFields.About, place);
        }

        foreach (var contact in facts.ContactKeys)
        {
            doc.Add(new Field(IndexFields.Contact, contact, Keyword));
        }

        AddFacets(doc, IndexFields.Employer, employers);
        AddFacets(doc, IndexFields.EmployerNow, facts.CurrentEmployers);
        AddFacets(doc, IndexFields.City, facts.City is null ? [] : [facts.City]);
        AddFacets(doc, IndexFields.Country, facts.Country is null ? [] : [facts.Country]);
        if (facts.DegreeLevel is { } degree)
        {
            doc.Add(new Field(IndexFields.Degree, Text.Fold(degree), Keyword));
            doc.Add(new SortedSetDocValuesField(IndexFields.Degree, new BytesRef(degree)));
        }

        if (facts.ExperienceYears is { } years)
        {
            doc.Add(new Int32Field(IndexFields.ExperienceYears, years, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(IndexFields.Experience, new BytesRef(ExperienceBucket(years))));
        }

        doc.Add(new NumericDocValuesField(IndexFields.Named, string.IsNullOrWhiteSpace(profile.Name) ? 0 : 1));
        var subjects = profile.Education.Select(e => e.Value.Field).OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new StoredRecruiterFacts(
            facts.CurrentTitle, facts.CurrentEmployer, facts.City, facts.Country, employers, facts.Schools, facts.DegreeLevel, facts.ExperienceYears, facts.Contact,
            subjects.Count == 0 ? null : subjects);
    }

    /// <summary>The experience facet's value for a number of years (and the range a facet value stands for, in <see cref="ExperienceRange"/>).</summary>
    public static string ExperienceBucket(int years) => years switch
    {
        < 3 => "0–2 years",
        < 6 => "3–5 years",
        < 11 => "6–10 years",
        _ => "over 10 years",
    };

    /// <summary>The years an experience facet value covers, or null for another value.</summary>
    public static (int Min, int? Max)? ExperienceRange(string bucket) => bucket switch
    {
        "0–2 years" => (0, 2),
        "3–5 years" => (3, 5),
        "6–10 years" => (6, 10),
        "over 10 years" => (11, null),
        _ => null,
    };
}
