using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// The skills a job description asks for: in a list (a labelled line, a requirements section, a comma or bullet list of
/// names) an ambiguous name such as "Go" is a skill, as in a CV's skill section; in prose it is not.
/// </summary>
public sealed class DescriptionSkillsTests
{
    private static readonly string[] Five = ["Apache Kafka", "Go", "Kubernetes", "PostgreSQL", "Redis"];

    [Theory]
    [InlineData("Backend engineer.\nRequired skills: Go, PostgreSQL, Kafka, Redis, Kubernetes\n")]
    [InlineData("Backend engineer.\n\nRequired skills:\n- Go\n- PostgreSQL\n- Kafka\n- Redis\n- Kubernetes\n\nAbout us\nWe are a small team.")]
    [InlineData("## Requirements\n\n* Go\n* PostgreSQL and Kafka\n\n* Redis, Kubernetes\n")]
    [InlineData("Requirements:\nGo\nPostgreSQL\nKafka\nRedis\nKubernetes")]
    [InlineData("Backend engineer.\nOur stack is Go, PostgreSQL, Kafka, Redis and Kubernetes.")]
    [InlineData("You will use:\n- Go\n- PostgreSQL\n- Kafka\n- Redis\n- Kubernetes")]
    [InlineData("**Tech stack**: Go, PostgreSQL, Kafka, Redis, Kubernetes")]
    [InlineData("We use Go, PostgreSQL, Kafka, Redis and Kubernetes in production.")]
    public void Go_in_a_skill_list_is_a_required_skill(string description)
    {
        var skills = DescriptionSkills.Read(description, RepoPaths.Catalogs).All;

        Assert.Equal(Five, skills.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("We go to market fast with PostgreSQL and Redis.")]
    [InlineData("Let's go!\nWe run PostgreSQL and Redis.")]
    [InlineData("About the role:\nYou go where the problems are, with PostgreSQL and Redis.")]
    [InlineData("Ready to go\nPostgreSQL and Redis experience wanted.")]
    [InlineData("Languages we go by\nPostgreSQL and Redis. Go, C., Brown, R., Smith, J., Lee, K. (2001).")]
    public void Go_in_prose_is_not_a_skill(string description)
    {
        var skills = DescriptionSkills.Read(description, RepoPaths.Catalogs).All;

        Assert.Equal(["PostgreSQL", "Redis"], skills.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_long_requirement_in_a_skills_section_names_its_skills_as_a_cv_does()
    {
        var skills = DescriptionSkills.Read("What you bring:\n- 5+ years building services in Go\n- Databases: PostgreSQL, MySQL\n\nWe go far.", RepoPaths.Catalogs).All;

        Assert.Equal(["Go", "MySQL", "PostgreSQL"], skills.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Requirements:\n- 5+ years with Python or Go\n- PostgreSQL", "Go|Python")]
    [InlineData("Required skills: Python/Go, PostgreSQL", "Go|Python")]
    [InlineData("Requirements:\n- AWS or GCP, and Terraform\n- Python or Go", "AWS|GCP;Go|Python")]
    [InlineData("Required skills: Go, PostgreSQL\nNice to have: Redis or Memcached", "Memcached|Redis")]
    [InlineData("Required skills: Go, PostgreSQL, CI/CD", "")]
    public void Skills_joined_by_or_are_alternatives_any_one_of_which_meets_the_requirement(string description, string groups)
    {
        var skills = DescriptionSkills.Read(description, RepoPaths.Catalogs);

        Assert.Equal(groups.Length == 0 ? [] : groups.Split(';'), skills.Alternatives.Select(g => string.Join('|', g)).ToList());
    }

    [Fact]
    public void A_single_ambiguous_name_in_an_unlabelled_list_is_not_taken()
    {
        var skills = DescriptionSkills.Read("Ship it, go, celebrate.\n- Go team\n- PostgreSQL", RepoPaths.Catalogs).All;

        Assert.Equal(["PostgreSQL"], skills);
    }

    [Theory]
    [InlineData("Required skills: Go, PostgreSQL\nNice to have: Redis, gRPC", "Go, PostgreSQL", "Redis, gRPC")]
    [InlineData("## Requirements\n- Go\n- Kafka\n\n## Bonus points\n- Redis\n- Terraform\n", "Apache Kafka, Go", "Redis, Terraform")]
    [InlineData("You know PostgreSQL well. Experience with Redis is a plus.", "PostgreSQL", "Redis")]
    [InlineData("We use Go, PostgreSQL and Kafka. Kubernetes knowledge would be a bonus.", "Apache Kafka, Go, PostgreSQL", "Kubernetes")]
    [InlineData("Nice to have\n- Rust\n- Kafka\n\nWe are a small team using PostgreSQL.", "PostgreSQL", "Apache Kafka, Rust")]
    [InlineData("Required: Go, Redis\nNice to have: Redis, Kafka", "Go, Redis", "Apache Kafka")]
    [InlineData("Required skills: Go, PostgreSQL, Kafka", "Apache Kafka, Go, PostgreSQL", "")]
    [InlineData("Our stack: Python, Django, PostgreSQL (optional: Celery, Redis)", "Django, PostgreSQL, Python", "Celery, Redis")]
    [InlineData("Minimum qualifications:\n- Java, Kubernetes\n\nPreferred qualifications:\n- Terraform\n- Go", "Java, Kubernetes", "Go, Terraform")]
    [InlineData("Requirements:\n- 3+ years of experience with Python\n- Familiarity with AWS is a plus\n- Docker", "Docker, Python", "AWS")]
    public void Skills_a_description_only_wishes_for_are_preferred_and_a_skill_it_also_requires_is_required(string description, string required, string preferred)
    {
        var skills = DescriptionSkills.Read(description, RepoPaths.Catalogs);

        Assert.Equal(required, string.Join(", ", skills.Required.Order(StringComparer.Ordinal)));
        Assert.Equal(preferred, string.Join(", ", skills.Preferred.Order(StringComparer.Ordinal)));
    }
}
