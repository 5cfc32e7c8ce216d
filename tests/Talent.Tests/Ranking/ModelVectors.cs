using Microsoft.Extensions.Logging.Abstractions;
using Talent.Embeddings;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Ranking;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Sentence vectors from the shipped model (all-MiniLM-L6-v2, offline), held in memory: the texts the worker embeds for
/// each candidate (every paper's title and abstract, their own words), so a ranking test sees what the service would.
/// </summary>
internal sealed class ModelVectors : ICandidateVectorSource
{
    private static readonly Lazy<MiniLmEmbedder> Model = new(() => new MiniLmEmbedder(1));

    private readonly Dictionary<long, CandidateVectors> candidates;

    private ModelVectors(Dictionary<long, CandidateVectors> candidates) => this.candidates = candidates;

    public static ModelVectors Of(IReadOnlyDictionary<long, CandidateProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var candidates = new Dictionary<long, CandidateVectors>();
        foreach (var (id, profile) in profiles)
        {
            var papers = profile.Publications.Select(p => p.Publication).Where(p => !string.IsNullOrWhiteSpace(p.Title)).ToList();
            var embedded = papers.Count == 0 ? [] : Model.Value.Embed(papers.Select(p => EmbeddingText.Publication(p.Title, p.Abstract)).ToList());
            var own = OwnText.Of(profile);
            candidates[id] = new CandidateVectors(
                papers.Select((p, i) => (p.Title.Trim(), embedded[i])).DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2),
                own.Length == 0 ? null : Model.Value.Embed([EmbeddingText.Cut(own)])[0]);
        }

        return new ModelVectors(candidates);
    }

    /// <summary>
    /// An index of <paramref name="profiles"/> in <paramref name="path"/>; with <paramref name="withVectors"/> also their
    /// sentence vectors from the shipped model, as the worker stores them.
    /// </summary>
    public static CandidateIndex Index(string path, ProfileCatalogs catalogs, IReadOnlyDictionary<long, CandidateProfile> profiles, bool withVectors)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var index = CandidateIndex.OpenForWriting(path, catalogs, NullLogger.Instance);
        foreach (var (id, profile) in profiles)
        {
            index.Upsert(id, profile, SearchTestCorpus.BaseTime);
        }

        index.Commit(profiles.Count);
        if (withVectors)
        {
            index.Vectors = Of(profiles);
        }

        return index;
    }

    public float[]? Query(string text, CancellationToken cancellationToken) => Model.Value.Embed([text], cancellationToken)[0];

    public CandidateVectors? Find(long candidateId) => candidates.GetValueOrDefault(candidateId);
}
