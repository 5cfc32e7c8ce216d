using Talent.Cli.Commands;
using Talent.Search;
using Talent.Search.Matching;

namespace Talent.Tests.Cli;

/// <summary>The text form of <c>talent match</c> and <c>similar</c>: required skills present and missing on lines of their own.</summary>
public sealed class MatchTextTests
{
    [Fact]
    public void Each_candidate_shows_the_required_skills_present_and_missing_apart_from_topics()
    {
        var response = new MatchResponse(12.5,
        [
            new MatchHit(7, "Ada Backend", null, 0.61, new HitMatches(["Go", "SQL"], ["stream processing"], []), [],
                new FitSignals(CandidateMatch.LexicalOnly, 0.5, null, ["Go", "SQL (through PostgreSQL)"], ["Apache Kafka", "Redis"])),
            new MatchHit(8, "Finn Frontend", null, 0.2, new HitMatches([], [], []), [new PaperFit("Design systems", "CHI", 2023, 0.25)],
                new FitSignals(CandidateMatch.LexicalOnly, 0.2, null, [], ["Apache Kafka", "Go", "Redis", "SQL"], 0.225)),
            new MatchHit(9, null, null, 0.1, new HitMatches([], [], []), [], new FitSignals(CandidateMatch.LexicalOnly, 0.1, null, [], [])),
        ]);

        var lines = MatchCommand.Lines(response).ToList();

        Assert.Equal(
        [
            "3 candidates (12.5 ms)",
            "",
            "1. Ada Backend  [id 7, fit 0.610]",
            "   skills present: Go, SQL (through PostgreSQL)",
            "   skills missing: Apache Kafka, Redis",
            "   topics: stream processing",
            "",
            "2. Finn Frontend  [id 8, fit 0.200, order 0.225]",
            "   skills present: none",
            "   skills missing: Apache Kafka, Go, Redis, SQL",
            "   · Design systems (CHI 2023) — similarity 0.250",
            "",
            "3. (unnamed)  [id 9, fit 0.100]",
        ], lines);
    }
}
