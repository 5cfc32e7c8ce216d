using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Profiles.Catalogs;
using Talent.Search;

namespace Talent.Benchmarks.Search;

/// <summary>
/// The fixed mix of recruiter queries every measure sends, each as the HTTP query string and as the in-process
/// request, and one query sent to the query service.
/// </summary>
internal static partial class SearchBenchmark
{
    /// <summary>The <c>mix</c> area: prints the query strings of the mix, one per line, to replay them with other tools.</summary>
    public static Task<int> PrintMixAsync(string[] args)
    {
        var catalogs = ProfileCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "config"));
        foreach (var query in QueryMix(catalogs))
        {
            Console.WriteLine(query.Http);
        }

        return Task.FromResult(0);
    }

    /// <summary>A fixed mix of recruiter queries drawn from the catalogs: free text, skills, topics, venues, years and combinations.</summary>
    private static List<BenchQuery> QueryMix(ProfileCatalogs catalogs)
    {
        var topics = catalogs.Topics.All.Select(t => t.Name).Where((_, i) => i % 9 == 0).Take(8).ToList();
        var skills = catalogs.Skills.All.Select(s => s.Name).Where(s => !SkillCatalog.IsAmbiguous(s)).Where((_, i) => i % 23 == 0).Take(6).ToList();
        var venues = catalogs.Venues.All.Where(v => v.Kind == "conference").Select(v => v.Name).Where((_, i) => i % 17 == 0).Take(6).ToList();
        var queries = new List<BenchQuery>();
        queries.AddRange(topics.Select(t => BenchQuery.Of(q: t)));
        queries.AddRange(topics.Take(4).Select(t => BenchQuery.Of(q: $"\"{t}\"")));
        queries.AddRange(skills.Select(s => BenchQuery.Of(skill: s)));
        queries.AddRange(topics.Take(4).Select(t => BenchQuery.Of(topic: t)));
        queries.AddRange(venues.Select(v => BenchQuery.Of(venue: v)));
        queries.AddRange(venues.Take(3).Select(v => BenchQuery.Of(venue: v, since: 2020)));
        queries.AddRange(topics.Take(4).Zip(venues).Select(p => BenchQuery.Of(q: p.First, venue: p.Second, since: 2018)));
        queries.AddRange(topics.Skip(4).Zip(skills).Select(p => BenchQuery.Of(q: p.First, skill: p.Second)));
        return queries;
    }

    /// <summary>The total the query service reports for one query of the mix.</summary>
    private static async Task<int> TotalAsync(HttpClient http, BenchQuery query, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri("api/search?" + query.Http, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("total").GetInt32();
    }

    private sealed record BenchQuery(string? Q, string? Skill, string? Topic, string? Venue, int? Since, string Http, SearchRequest Request)
    {
        public static BenchQuery Of(string? q = null, string? skill = null, string? topic = null, string? venue = null, int? since = null)
        {
            var parts = new[] { ("q", q), ("skill", skill), ("topic", topic), ("venue", venue), ("since", since?.ToString(CultureInfo.InvariantCulture)) }
                .Where(p => p.Item2 is not null)
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}");
            var (request, _) = SearchRequest.Create(q, skill is null ? [] : [skill], topic is null ? [] : [topic], venue is null ? [] : [venue], since, 1, 10);
            return new BenchQuery(q, skill, topic, venue, since, string.Join('&', parts), request!); // the mix only holds valid requests
        }
    }
}
