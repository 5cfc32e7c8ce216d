namespace Talent.Profiles.Catalogs;

/// <summary>A catalog skill; <see cref="Parents"/> are skills that anyone using it has ("PostgreSQL" → "SQL").</summary>
public sealed record SkillInfo(string Name, string Category, IReadOnlyList<string>? Synonyms, IReadOnlyList<string>? Parents = null);

public sealed class SkillCatalog
{
    /// <summary>
    /// Skill names that are also ordinary English words or single letters ("Go", "C", "R", "Spark", "Rust"):
    /// found only in explicit lists (<see cref="FindInList"/>), never in prose.
    /// </summary>
    private static readonly HashSet<string> AmbiguousKeys = new(StringComparer.Ordinal)
    {
        "go", "make", "node", "spark", "express", "ray", "metal", "swift", "rust", "ruby", "shell", "rest", "gin", "bun",
        "hive", "beam", "dart", "scheme", "assembly", "unity", "jest", "mocha", "helm", "flask", "spring", "transformers",
        "torch", "windows", "poetry", "maven", "presto", "electron", "flutter", "triton", "julia", "perl", "lua", "prolog",
        "lisp", "groovy", "elixir", "erlang", "haskell", "cassandra", "oracle database", "snowflake", "vite", "bootstrap",
        "angular", "svelte", "vue", "json", "yaml", "html", "css", "xml", "markdown", "jupyter", "datasets", "accelerate", "guidance",
        "outlines", "temporal", "excel", "hack", "candle", "burn", "chroma", "vault", "consul", "envoy", "crystal", "apex", "whisper",
        "tokenizers", "looker", "nix", "packer", "sentry", "pulsar", "prefect", "make", "sas",
        "dash", "stan", "haiku", "lean", "astro", "hugo", "eigen", "storm", "loki", "hypothesis", "locust", "chisel", "pyro", "equinox", "hip", "qt", "postman", "figma",
    };

    private readonly PhraseMatcher matcher;
    private readonly PhraseMatcher proseMatcher;
    private readonly Dictionary<string, SkillInfo> byName;
    private readonly SkillParents parents;
    private readonly string[] listLabelKeys;
    private readonly string[] preferredKeys;

    /// <param name="skills">The skills, with synonyms and parents.</param>
    /// <param name="listLabels">Words that, as a line's label or a heading, make what follows a list of skill names (<see cref="IsListLabel"/>).</param>
    /// <param name="preferredMarkers">Words that mark skills as wished for rather than required (<see cref="IsPreferred"/>).</param>
    public SkillCatalog(IEnumerable<SkillInfo> skills, IEnumerable<string>? listLabels = null, IEnumerable<string>? preferredMarkers = null)
    {
        All = skills.ToList();
        var phrases = All.SelectMany(s => new[] { s.Name }.Concat(s.Synonyms ?? []).Select(a => (a, s.Name))).ToList();
        matcher = new PhraseMatcher(phrases, "skills");
        proseMatcher = new PhraseMatcher(phrases.Where(p => !IsAmbiguous(p.a)), "skills");
        byName = CatalogNames.ByName(All, s => s.Name, "skills");
        parents = new SkillParents(All, name => matcher.Find(name));
        listLabelKeys = (listLabels ?? []).Select(CatalogKey.Of).ToArray();
        if (listLabelKeys.Any(k => k.Length == 0))
        {
            throw new CatalogException("skills: a list label is empty");
        }

        preferredKeys = (preferredMarkers ?? []).Select(CatalogKey.Of).ToArray();
        if (preferredKeys.Any(k => k.Length == 0))
        {
            throw new CatalogException("skills: a preferred marker is empty");
        }
    }

    public IReadOnlyList<SkillInfo> All { get; }

    /// <summary>
    /// The skills that using <paramref name="skill"/> (a canonical name) implies, through the catalog's parents
    /// transitively, nearest first: "Next.js" gives "React", "JavaScript". Empty for a skill without parents or outside the catalog.
    /// </summary>
    public IReadOnlyList<string> AncestorsOf(string skill) => parents.AncestorsOf(skill);

    /// <summary>The skills that imply <paramref name="skill"/> (a canonical name), directly or transitively: "SQL" gives "PostgreSQL", "MySQL", ….</summary>
    public IReadOnlyList<string> DescendantsOf(string skill) => parents.DescendantsOf(skill);

    /// <summary>
    /// Of the <paramref name="listed"/> skills (canonical names), those that imply <paramref name="skill"/> through the
    /// catalog's parents: a candidate listing them holds it without listing it ("PostgreSQL" for "SQL").
    /// </summary>
    public IEnumerable<string> Implying(IEnumerable<string> listed, string skill) =>
        listed.Where(l => AncestorsOf(l).Contains(skill, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// True when <paramref name="label"/> (a line's label, "Required skills", or a heading, "Requirements") holds a list label
    /// of the catalog as whole words: what follows it names skills, so "Go" and "C" there are skills.
    /// </summary>
    public bool IsListLabel(string label) => HoldsAny(label, listLabelKeys);

    /// <summary>
    /// True when <paramref name="text"/> — a list's label or heading ("Nice to have", "Bonus points"), or a line of prose
    /// ("Experience with Redis is a plus") — holds a preferred marker of the catalog as whole words: the skills it names
    /// are wished for, not required.
    /// </summary>
    public bool IsPreferred(string text) => HoldsAny(text, preferredKeys);

    private static bool HoldsAny(string text, string[] keys)
    {
        var key = " " + CatalogKey.Of(text) + " ";
        return keys.Any(l => key.Contains(" " + l + " ", StringComparison.Ordinal));
    }

    /// <summary>
    /// True for a heading made only of list labels' words ("Requirements", "## Tech stack", "Nice to have"): a title that
    /// merely holds one ("Endangered Languages meet Modern NLP") opens no list.
    /// </summary>
    public bool IsListHeading(string heading)
    {
        var words = CatalogKey.Of(heading).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit)).ToList(); // "##" of a Markdown heading
        return words.Count > 0 && IsListLabel(heading) && words.All(w => listLabelKeys.Any(l => l.Split(' ').Contains(w, StringComparer.Ordinal)));
    }

    /// <summary>The skill whose name or synonym equals <paramref name="name"/>, ignoring case and punctuation.</summary>
    public SkillInfo? Find(string name) => matcher.Find(name) is { } canonical ? byName[canonical] : null;

    /// <summary>
    /// Canonical names of the skills mentioned in free text, in order of first mention. Names that are also
    /// ordinary words or single letters ("Go", "C", "R") are left out: prose says "go" far more often than Go.
    /// </summary>
    public IReadOnlyList<string> FindIn(string text) => proseMatcher.FindIn(text);

    internal IReadOnlyList<string> FindInKey(string key) => proseMatcher.FindInKey(key);

    /// <summary>Canonical names in one item of an explicit skill list, where "Go" and "C" are meant as skills.</summary>
    public IReadOnlyList<string> FindInList(string text) => matcher.FindIn(text);

    /// <summary>True for a name that also reads as an ordinary word or is one or two letters long.</summary>
    public static bool IsAmbiguous(string name)
    {
        var key = CatalogKey.Of(name);
        return key.Length <= 2 || AmbiguousKeys.Contains(key);
    }
}
