using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Talent.Search;

/// <summary>
/// The recruiter filters of the query language: <c>school:</c>, <c>company:</c> (current or past), <c>current:</c>
/// (current employer), <c>location:</c> (<c>city:</c>, <c>country:</c>), <c>jobtitle:</c>, <c>degree:</c> and
/// <c>until:</c> (a paper in or before the year). A value is matched as its words in order, accents and case folded.
/// </summary>
internal sealed partial class CandidateQueryParser
{
    private Query? RecruiterQuery(string field, string queryText)
    {
        var target = field switch
        {
            "school" or "schools" or "university" or "education" => IndexFields.Schools,
            "company" or "companies" or "employer" or "employers" => IndexFields.Employers,
            "current" or "currentcompany" or "current_company" => IndexFields.EmployersNow,
            "location" or "city" or "country" or "place" => IndexFields.Places,
            "jobtitle" or "job_title" or "position" => IndexFields.JobTitles,
            _ => null,
        };
        if (target is not null)
        {
            // Words no field holds (stop words only) match nobody.
            return new QueryBuilder(Analyzer).CreatePhraseQuery(target, queryText) ?? new BooleanQuery();
        }

        switch (field)
        {
            case "until":
                return CandidateDocument.YearRange(null, ParseYear(queryText, false));
            case "degree":
                return new TermQuery(new Lucene.Net.Index.Term(IndexFields.Degree, Recruiting.Text.Fold(DegreeLevel(queryText))));
            default:
                return null;
        }
    }

    /// <summary>"Master", "MSc", "master's" all mean the level the degree facet shows as "Master's".</summary>
    internal static string DegreeLevel(string value)
    {
        var folded = Recruiting.Text.Fold(value);
        if (folded.StartsWith("doc", StringComparison.Ordinal) || folded.StartsWith("ph", StringComparison.Ordinal))
        {
            return Recruiting.RecruiterFacts.Doctorate;
        }

        if (folded.StartsWith("mast", StringComparison.Ordinal) || folded is "msc" or "ms" or "ma")
        {
            return Recruiting.RecruiterFacts.Master;
        }

        return folded.StartsWith("bach", StringComparison.Ordinal) || folded is "bsc" or "bs" or "ba" ? Recruiting.RecruiterFacts.Bachelor : value;
    }
}
