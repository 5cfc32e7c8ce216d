using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Matching;
using Talent.Search.Ranking;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Match and similar for engineers, who have roles, employers, skills and a headline but no papers: a job ad finds
/// the engineer who has its skills, the fit lists present and missing skills, and similar works for an engineer.
/// </summary>
public sealed class EngineerMatchTests : IDisposable
{
    private const long Backend = 11;
    private const long PartlyBackend = 12;
    private const long Researcher = 13;
    private const long Frontend = 14;

    private const string JobAd =
        "Senior backend engineer. You build services in Golang with PostgreSQL and Redis, deploy them with Docker on Kubernetes, " +
        "and care about reliability and observability.";

    private static readonly ProfileCatalogs Catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_job_ad_ranks_the_engineer_with_all_its_skills_first_and_lists_missing_skills()
    {
        using var index = Open();
        var response = index.Match(new MatchRequest { Text = JobAd, Top = 10 });

        Assert.Equal(Backend, response.Results[0].Id);
        var top = response.Results[0].Signals!;
        Assert.Equal(["Docker", "Go", "Kubernetes", "PostgreSQL", "Redis"], top.SkillsPresent);
        Assert.Empty(top.SkillsMissing);

        var partial = Assert.Single(response.Results, h => h.Id == PartlyBackend).Signals!;
        Assert.Equal(["Go", "PostgreSQL"], partial.SkillsPresent);
        Assert.Equal(["Docker", "Kubernetes", "Redis"], partial.SkillsMissing);
        Assert.True(response.Results.Single(h => h.Id == PartlyBackend).Fit < response.Results[0].Fit);
        Assert.Equal(CandidateMatch.LexicalOnly, top.Ranker);
    }

    [Fact]
    public void An_engineer_who_writes_every_required_skill_by_another_name_ranks_above_one_who_has_two_of_them()
    {
        const long Synonyms = 15;
        const long TwoOfFive = 16;
        using var index = Open();
        index.Upsert(Synonyms, Engineer("Platform engineer", "Initech", ["Golang", "Postgres", "Kafka", "Redis", "k8s"], "Kept the platform running"), SearchTestCorpus.BaseTime);
        // Fewer of the skills, more of the ad's words.
        index.Upsert(TwoOfFive, Engineer("Backend engineer", "Globex", ["Go", "Redis", "Docker", "React"], "Services in Go with Redis caches for distributed systems at scale"), SearchTestCorpus.BaseTime);
        index.Commit(5);

        var response = index.Match(new MatchRequest
        {
            Text = "Senior Backend Engineer\n\nWe are looking for a backend engineer to build our payment platform.\nRequired skills: Go, PostgreSQL, Kafka, Redis, Kubernetes.\nNice to have: experience with distributed systems.",
            Top = 10,
        });

        var synonyms = Assert.Single(response.Results, h => h.Id == Synonyms);
        Assert.Empty(synonyms.Signals!.SkillsMissing);
        Assert.True(synonyms.Fit > response.Results.Single(h => h.Id == TwoOfFive).Fit, string.Join(", ", response.Results.Select(h => $"{h.Id} {h.Fit}")));
    }

    [Fact]
    public void An_ad_asking_sql_credits_the_postgresql_engineer_and_lists_what_is_missing()
    {
        const string ad = "Data engineer. You model data in SQL and stream it through Apache Kafka.";
        using var index = Open();
        var response = index.Match(new MatchRequest { Text = ad, Top = 10 });

        var backend = Assert.Single(response.Results, h => h.Id == Backend);
        Assert.Equal(["SQL (through PostgreSQL)"], backend.Signals!.SkillsPresent);
        Assert.Equal(["Apache Kafka"], backend.Signals.SkillsMissing);
        Assert.Equal(["SQL"], backend.Matches.Skills);
        Assert.DoesNotContain(response.Results, h => h.Id == Frontend);
        var frontend = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = Frontend }).Results);
        Assert.Empty(frontend.Signals!.SkillsPresent);
        Assert.Equal(["Apache Kafka", "SQL"], frontend.Signals.SkillsMissing);
    }

    [Fact]
    public void Either_of_two_skills_an_ad_joins_with_or_meets_the_requirement_once()
    {
        const string ad = "Backend engineer.\nRequirements:\n- 5+ years with Python or Go\n- PostgreSQL, Redis";
        using var index = Open();

        // The backend engineer has Go, not Python: the requirement is met, and counts once.
        var backend = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = Backend }).Results);
        Assert.Equal(["Go", "PostgreSQL", "Redis"], backend.Signals!.SkillsPresent);
        Assert.Empty(backend.Signals.SkillsMissing);

        // The partly-backend engineer has both Go and Python, and no Redis: two of three, not three of four.
        var partly = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = PartlyBackend }).Results);
        Assert.Equal(["Redis"], partly.Signals!.SkillsMissing);
        Assert.True(backend.Fit > partly.Fit, $"{backend.Fit} against {partly.Fit}");

        // Neither of the two: one missing requirement, said as such.
        var researcher = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = Researcher }).Results);
        Assert.Contains("Go or Python", researcher.Signals!.SkillsMissing);
    }

    [Fact]
    public void A_skill_the_ad_only_wishes_for_is_not_missing_and_counts_half_as_much_as_a_required_one()
    {
        const string ad = "Backend engineer.\nRequired skills: Go, PostgreSQL, Python\nNice to have: Redis, Kafka";
        using var index = Open();

        // The backend engineer has Go and PostgreSQL of the three required, and Redis of the two wished for.
        var backend = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = Backend }).Results);
        Assert.Equal(["Go", "PostgreSQL"], backend.Signals!.SkillsPresent);
        Assert.Equal(["Python"], backend.Signals.SkillsMissing);
        Assert.Equal(["Redis"], backend.Signals.PreferredPresent);
        Assert.Equal(["Apache Kafka"], backend.Signals.PreferredMissing);
        Assert.Equal(["Go", "PostgreSQL", "Redis"], backend.Matches.Skills);

        // The partly-backend engineer has all three required and neither wished-for skill: ahead, as a requirement
        // weighs twice a wish (3 of 3 + 0 of 2 × ½ = 3 of 4, against 2 + ½ of 4).
        var partly = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = PartlyBackend }).Results);
        Assert.Empty(partly.Signals!.SkillsMissing);
        Assert.Equal(["Apache Kafka", "Redis"], partly.Signals.PreferredMissing);
        Assert.Empty(partly.Signals.PreferredPresent!);
        Assert.True(partly.Fit > backend.Fit, $"{partly.Fit} against {backend.Fit}");

        // Without wished-for skills in the ad, the signals say nothing of them.
        var plain = Assert.Single(index.Match(new MatchRequest { Text = "Backend engineer.\nRequired skills: Go, PostgreSQL", CandidateId = Backend }).Results);
        Assert.Null(plain.Signals!.PreferredPresent);
        Assert.Null(plain.Signals.PreferredMissing);
    }

    [Fact]
    public void An_ad_asking_javascript_credits_typescript_and_says_through_which()
    {
        using var index = Open();
        var response = index.Match(new MatchRequest { Text = "Frontend developer\nRequired skills: JavaScript, CSS, Go", CandidateId = Frontend });

        var frontend = Assert.Single(response.Results).Signals!;
        Assert.Equal(["CSS", "JavaScript (through React, TypeScript)"], frontend.SkillsPresent);
        Assert.Equal(["Go"], frontend.SkillsMissing);
    }

    [Fact]
    public void A_skill_listed_in_more_words_or_through_a_framework_counts_for_match_the_skill_filter_and_the_card()
    {
        const long InMoreWords = 17;
        using var index = Open();
        index.Upsert(InMoreWords, Engineer("Frontend engineer", "Clavis", ["React.js", "TypeScript", "Tailwind CSS", "REST APIs", "AWS CloudWatch"], "Built the booking dashboard"), SearchTestCorpus.BaseTime);
        index.Commit(5);

        var fit = Assert.Single(index.Match(new MatchRequest { Text = "Frontend engineer\nRequired skills: React, TypeScript, CSS, REST, AWS, Git", CandidateId = InMoreWords }).Results).Signals!;
        Assert.Equal(["AWS", "CSS (through Tailwind CSS)", "REST", "React", "TypeScript"], fit.SkillsPresent);
        Assert.Equal(["Git"], fit.SkillsMissing);

        var filtered = Assert.IsType<SearchOutcome.Found>(index.Search(SearchRequest.Create(null, ["REST", "AWS"], null, null, null, 1, 10).Request!)).Response;
        var hit = Assert.Single(filtered.Results);
        Assert.Equal(InMoreWords, hit.Id);
        Assert.Equal(["REST", "AWS"], hit.Skills.Where(s => s.Matched).Select(s => s.Name));
        Assert.Contains(hit.Skills, s => s is { Name: "AWS CloudWatch", Matched: false }); // the item as written stays
    }

    [Theory]
    [InlineData("Angular 2+", "Angular", true)]
    [InlineData("Oracle PL/SQL", "SQL", true)]
    [InlineData("Go-to-market strategy", "Go", false)]
    [InlineData("Make-up artistry", "Make", false)]
    public void A_skill_name_that_is_also_a_word_counts_inside_an_item_only_beside_a_version(string item, string skill, bool counts)
    {
        const long Holder = 18;
        using var index = Open();
        index.Upsert(Holder, Engineer("Engineer", "Initech", [item], "Work"), SearchTestCorpus.BaseTime);
        index.Commit(5);

        var found = Assert.IsType<SearchOutcome.Found>(index.Search(SearchRequest.Create(null, [skill], null, null, null, 1, 10).Request!)).Response;

        Assert.Equal(counts, found.Results.Any(h => h.Id == Holder));
    }

    [Theory]
    [InlineData("Backend engineer.\nRequired skills: Go, PostgreSQL, Kafka, Redis, Kubernetes")]
    [InlineData("Backend engineer.\n\nRequired skills:\n- Go\n- PostgreSQL\n- Kafka\n- Redis\n- Kubernetes\n")]
    public void Go_in_the_skills_list_of_an_ad_is_required(string ad)
    {
        using var index = Open();
        var response = index.Match(new MatchRequest { Text = ad, Top = 10 });

        var backend = Assert.Single(response.Results, h => h.Id == Backend).Signals!;
        Assert.Equal(["Go", "Kubernetes", "PostgreSQL", "Redis"], backend.SkillsPresent);
        Assert.Equal(["Apache Kafka"], backend.SkillsMissing);
        var frontend = Assert.Single(index.Match(new MatchRequest { Text = ad, CandidateId = Frontend }).Results).Signals!;
        Assert.Empty(frontend.SkillsPresent);
        Assert.Equal(["Apache Kafka", "Go", "Kubernetes", "PostgreSQL", "Redis"], frontend.SkillsMissing);
    }

    [Fact]
    public void Go_in_the_prose_of_an_ad_is_not_a_skill()
    {
        using var index = Open();
        var response = index.Match(new MatchRequest { Text = "We go to market fast. You run PostgreSQL and Redis for us.", Top = 10 });

        var partly = Assert.Single(response.Results, h => h.Id == PartlyBackend).Signals!;
        Assert.Equal(["PostgreSQL"], partly.SkillsPresent);
        Assert.Equal(["Redis"], partly.SkillsMissing);
    }

    [Fact]
    public void Similar_looks_for_the_skills_the_candidate_lists_go_included()
    {
        using var index = Open();
        var response = index.Similar(PartlyBackend, 10);

        var backend = Assert.Single(response!.Results, h => h.Id == Backend).Signals!;
        Assert.Equal(["Go", "PostgreSQL"], backend.SkillsPresent);
        Assert.Equal(["Python"], backend.SkillsMissing);
    }

    [Fact]
    public void Similar_works_for_an_engineer_without_papers()
    {
        using var index = Open();
        var response = index.Similar(Backend, 10);

        Assert.NotNull(response);
        Assert.NotEmpty(response.Results);
        Assert.Equal(PartlyBackend, response.Results[0].Id);
        Assert.DoesNotContain(response.Results, h => h.Id == Backend);
    }

    [Fact]
    public void With_vectors_the_fit_says_hybrid_and_a_candidate_without_vectors_says_lexical()
    {
        using var index = Open();
        index.Vectors = new FakeVectors(new Dictionary<long, CandidateVectors>
        {
            [Backend] = new(new Dictionary<string, float[]>(), [1f, 0f]),
        });
        var response = index.Match(new MatchRequest { Text = JobAd, Top = 10 });

        Assert.Equal(CandidateMatch.Hybrid, response.Results.Single(h => h.Id == Backend).Signals!.Ranker);
        Assert.Equal(1, response.Results.Single(h => h.Id == Backend).Signals!.Meaning);
        Assert.Equal(CandidateMatch.NoVectorsYet, response.Results.Single(h => h.Id == PartlyBackend).Signals!.Ranker);
    }

    [Fact]
    public void With_vectors_holding_most_of_the_skills_an_ad_lists_outweighs_own_words_a_little_closer_in_meaning()
    {
        const long MostSkills = 21;
        const long CloserWords = 22;
        using var index = Open();
        index.Upsert(MostSkills, Engineer("Platform engineer", "Initech", ["Go", "PostgreSQL", "Redis", "Docker"], "Kept the platform running"), SearchTestCorpus.BaseTime);
        index.Upsert(CloserWords, Engineer("Backend developer", "Globex", ["Go", "React"], "Wrote web services"), SearchTestCorpus.BaseTime);
        index.Commit(5);
        // The query's vector is (1, 0): own words at cosine 0.3 and 0.6, as profiles fall by chance (0.3–0.5 on real CVs).
        index.Vectors = new FakeVectors(new Dictionary<long, CandidateVectors>
        {
            [MostSkills] = new(new Dictionary<string, float[]>(), [0.3f, 0.954f]),
            [CloserWords] = new(new Dictionary<string, float[]>(), [0.6f, 0.8f]),
        });

        var response = index.Match(new MatchRequest { Text = "Backend engineer.\n\nRequired: Go, PostgreSQL, Redis, Docker, Kubernetes", Top = 20 });

        var ids = response.Results.Select(h => h.Id).ToList();
        Assert.True(ids.IndexOf(MostSkills) < ids.IndexOf(CloserWords), string.Join(", ", response.Results.Select(h => $"{h.Id} {h.Fit:0.000}")));
        Assert.Equal(["Docker", "Go", "PostgreSQL", "Redis"], response.Results.Single(h => h.Id == MostSkills).Signals!.SkillsPresent);
    }

    [Fact]
    public void With_vectors_the_skills_listed_match_an_engineer_whose_own_words_are_far_in_meaning_as_in_another_language()
    {
        const long InChinese = 23;
        const long OneSkill = 24;
        using var index = Open();
        index.Upsert(InChinese, Engineer("算法工程师", "字节跳动", ["Python", "PyTorch", "Linux"], "负责推荐系统模型的训练与部署"), SearchTestCorpus.BaseTime);
        index.Upsert(OneSkill, Engineer("Data engineer", "Globex", ["Python", "Airflow"], "Trained and deployed models for vision teams"), SearchTestCorpus.BaseTime);
        index.Commit(5);
        // The query's vector is (1, 0): the English ad is far from the Chinese profile in meaning (MiniLM reads English).
        index.Vectors = new FakeVectors(new Dictionary<long, CandidateVectors>
        {
            [InChinese] = new(new Dictionary<string, float[]>(), [0.05f, 0.999f]),
            [OneSkill] = new(new Dictionary<string, float[]>(), [0.5f, 0.866f]),
        });

        var response = index.Match(new MatchRequest
        {
            Text = "Machine learning engineer. You will train and deploy deep learning models for our vision and ranking teams, " +
                "and own them in production.\nRequired skills: Python, PyTorch, CUDA, Linux.",
            Top = 20,
        });

        var ids = response.Results.Select(h => h.Id).ToList();
        Assert.True(ids.IndexOf(InChinese) >= 0 && ids.IndexOf(InChinese) < ids.IndexOf(OneSkill), string.Join(", ", response.Results.Select(h => $"{h.Id} {h.Fit:0.000}")));
        var fit = response.Results.Single(h => h.Id == InChinese);
        Assert.Equal(["CUDA"], fit.Signals!.SkillsMissing);
        Assert.True(fit.Fit > response.Results.Single(h => h.Id == OneSkill).Fit);
    }

    private CandidateIndex Open()
    {
        var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        index.Upsert(Backend, Engineer("Backend engineer", "Acme Payments", ["Go", "PostgreSQL", "Redis", "Docker", "Kubernetes"], "Built payment services handling 5k requests per second"), SearchTestCorpus.BaseTime);
        index.Upsert(PartlyBackend, Engineer("Software engineer", "Shopline", ["Go", "PostgreSQL", "Python"], "Wrote order services and database migrations"), SearchTestCorpus.BaseTime);
        index.Upsert(Frontend, Engineer("Frontend developer", "Pixel Studio", ["React", "TypeScript", "CSS"], "Built design systems and web apps"), SearchTestCorpus.BaseTime);
        index.Upsert(Researcher, new CandidateProfile
        {
            Name = "Rhea Search",
            Headline = "PhD student in distributed systems",
            Publications =
            [
                new MergedPublication(new Publication { Title = "Reliability of backend services under load", Abstract = "We study reliability and observability of services.", Year = 2024 }, []),
            ],
        }, SearchTestCorpus.BaseTime);
        index.Commit(4);
        return index;
    }

    private static CandidateProfile Engineer(string title, string employer, string[] skills, string highlight) => new()
    {
        Name = title + " at " + employer,
        Headline = title,
        Skills = skills,
        Experience = [new Sourced<ExperienceEntry>(new ExperienceEntry { Title = title, Organization = employer, Highlights = [highlight] }, [])],
        Organizations = [employer],
    };

    private sealed class FakeVectors(Dictionary<long, CandidateVectors> vectors) : ICandidateVectorSource
    {
        public float[]? Query(string text, CancellationToken cancellationToken) => [1f, 0f];

        public CandidateVectors? Find(long candidateId) => vectors.GetValueOrDefault(candidateId);
    }
}
