using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// A search finds a person by the subject of their degree ("economics" in "M.S. in Economics"), and their fit says so:
/// the fit reads the words in the same facts the search found them in, not 0 % Weak.
/// </summary>
public sealed class DegreeSubjectFitTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_degree_subject_the_query_names_counts_in_the_fit()
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [1] = new()
            {
                Name = "Eva Economist",
                Headline = "Research Assistant",
                Education = [new Sourced<EducationEntry>(new EducationEntry { Institution = "Universidad de los Andes", Degree = "M.S.", Field = "Economics", End = "2023" }, [])],
            },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors: false);
        var hit = Assert.Single(SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "economics", size: 10))).Results);
        Assert.Equal((100, "Strong"), (hit.Fit, hit.FitLabel));
    }
}
