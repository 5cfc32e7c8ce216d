using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>JSON Resume shapes met in real resumes: skill groups, keywords, links, schema variants.</summary>
public sealed class JsonResumeReaderTests
{
    [Theory]
    // Keywords as written; a catalog name only where it is the same name ("nodejs" → "Node.js", "MySql" → "MySQL"), never a synonym.
    [InlineData("""[{"name": "Databases", "keywords": ["Postgres", "MySql", "nodejs"]}]""", "Postgres|MySQL|Node.js")]
    // Group names: categories dropped (also misspelt), technologies and skill phrases kept.
    [InlineData("""[{"name": "Javascript", "keywords": ["ReactJs"]}, {"name": "Tools / Misc", "keywords": ["Webpack"]}]""", "JavaScript|ReactJs|Webpack")]
    [InlineData("""[{"name": "Cloud Sevices", "keywords": ["Heroku"]}, {"name": "Front End", "keywords": ["HTML"]}, {"name": "DevOps", "keywords": ["docker"]}]""", "Heroku|HTML|Docker")]
    [InlineData("""[{"name": "Containerization", "keywords": ["Docker Image design"]}, {"name": "iOS Development", "keywords": []}]""", "Containerization|Docker Image design|iOS Development")]
    // A parenthesised list names further skills; a single parenthesised word belongs to the item.
    [InlineData("""[{"name": "Ops", "keywords": ["CI/CD (github actions & TravisCI)", "Robotics (ROS)"]}]""", "CI/CD|GitHub Actions|TravisCI|Robotics (ROS)")]
    // Versioned names joined by a slash are two skills; a catalog name with a slash is one.
    [InlineData("""[{"name": "Languages", "keywords": ["ES6/ES7", "CI/CD", "builds/etc"]}]""", "ES6|ES7|CI/CD|builds/etc")]
    // Schema variants: keywords as one string, skills as plain strings; natural languages never count.
    [InlineData("""[{"name": "Backend", "keywords": "Go, gRPC; Redis"}, "Kubernetes", "Spanish", {"name": "English (fluent)"}]""", "Go|gRPC|Redis|Kubernetes")]
    public void Skills_are_keywords_and_group_names_that_are_skills(string skills, string expected)
    {
        var profile = Read("{\"basics\": {\"name\": \"Ada Lovelace\"}, \"skills\": " + skills + "}");

        Assert.Equal(expected, string.Join('|', profile.Skills));
    }

    [Theory]
    [InlineData("https://github.com/ada", "", "github.com/ada")]
    [InlineData("https://ada.github.io/cv/", "ada.github.io/cv", "")]
    [InlineData("https://www.linkedin.com/in/ada/", "", "linkedin.com/in/ada")]
    [InlineData("http://ada.example.org", "ada.example.org", "")]
    public void The_website_is_a_homepage_unless_it_is_a_profile_site(string url, string homepage, string link)
    {
        var profile = Read("{\"basics\": {\"name\": \"Ada Lovelace\", \"url\": \"" + url + "\"}}");

        Assert.Equal(homepage, string.Join('|', profile.Homepages));
        Assert.Equal(link, string.Join('|', profile.Links));
    }

    [Fact]
    public void Profiles_given_by_network_and_user_name_are_links()
    {
        var profile = Read("""{"basics": {"name": "Ada", "profiles": [{"network": "GitHub", "username": "ada"}, {"network": "LinkedIn", "url": "https://linkedin.com/in/ada"}]}}""");

        Assert.Equal(["github.com/ada", "linkedin.com/in/ada"], profile.Links);
    }

    [Theory]
    [InlineData("""{"city": "Caracas", "countryCode": "VE"}""", "Caracas, Venezuela")]
    [InlineData("\"Cincinnati, OH\"", "Cincinnati, OH")]
    public void The_location_is_an_object_or_a_string(string location, string expected) =>
        Assert.Equal(expected, Read("{\"basics\": {\"name\": \"Ada\", \"location\": " + location + "}}").Location);

    [Fact]
    public void Publications_take_their_venue_from_the_publisher_and_year_from_the_release_date()
    {
        var profile = Read("""
            {"basics": {"name": "Ada"}, "publications": [
              {"name": "Await Fn", "publisher": "NPM", "releaseDate": "2018-04-01"},
              {"name": "A paper", "publisher": "Proceedings of the 12th Conference on Obscure Things (COT)", "releaseDate": "2021"}]}
            """);

        Assert.Equal([("NPM", 2018), ("COT", 2021)], profile.Publications.Select(p => (p.Venue, p.Year)).ToList());
    }

    [Theory]
    // countryCode is ISO 3166-1 alpha-2: a country, never a US state ("DE" is Germany, not Delaware; "CA" Canada, not California).
    [InlineData("""{"city": "Berlin", "countryCode": "DE"}""", "Berlin, Germany")]
    [InlineData("""{"city": "Paris", "countryCode": "FR"}""", "Paris, France")]
    [InlineData("""{"city": "London", "countryCode": "GB"}""", "London, United Kingdom")]
    [InlineData("""{"city": "Toronto", "region": "ON", "countryCode": "ca"}""", "Toronto, ON, Canada")]
    [InlineData("""{"city": "Austin", "region": "TX", "countryCode": "US"}""", "Austin, TX, United States")]
    // A "country" field holding a code is read the same way; a name, or a code outside ISO 3166-1, stays as written.
    [InlineData("""{"city": "Lisbon", "country": "PT"}""", "Lisbon, Portugal")]
    [InlineData("""{"city": "Lisbon", "country": "Portugal"}""", "Lisbon, Portugal")]
    [InlineData("""{"city": "Austin", "region": "TX"}""", "Austin, TX")]
    public void A_location_country_code_is_written_as_the_country_it_names(string location, string expected)
    {
        var profile = Read("{\"basics\": {\"name\": \"Ada Lovelace\", \"location\": " + location + "}}");

        Assert.Equal(expected, profile.Location);
    }

    [Theory]
    [InlineData("jane.roe@example.org", "jane.roe@example.org")]
    [InlineData("Jane.Roe@Example.org ", "jane.roe@example.org")]
    [InlineData("isaac dot rankin at stat dot ubc dot ca", "isaac.rankin@stat.ubc.ca")]
    [InlineData("jane[at]example.org", "jane@example.org")]
    [InlineData("ask me on LinkedIn", "")]
    public void The_email_field_gives_the_address_it_holds_plain_or_hidden_and_nothing_else(string email, string expected)
    {
        var profile = Read("{\"basics\": {\"name\": \"Jane Roe\", \"email\": \"" + email + "\"}}");

        Assert.Equal(expected, string.Join('|', profile.Emails));
    }

    [Theory]
    // "; " between statements, a space after one that ends its own sentence.
    [InlineData("""{"name": "Tally", "description": "A ledger for teams.", "highlights": ["Runs on Windows!", "Open source"], "keywords": ["JavaScript", "Node.js"]}""",
        "A ledger for teams. Runs on Windows! Open source; JavaScript, Node.js")]
    [InlineData("""{"name": "Tally", "description": "A ledger for teams", "keywords": ["Go"]}""", "A ledger for teams; Go")]
    public void A_project_description_joins_its_statements_once(string project, string expected)
    {
        var profile = Read("{\"basics\": {\"name\": \"Ada Lovelace\"}, \"projects\": [" + project + "]}");

        Assert.Equal(expected, Assert.Single(profile.Projects).Description);
    }

    private static ExtractedProfile Read(string json) =>
        Assert.IsType<ExtractedProfile>(JsonResumeReader.Read(json, RepoPaths.Catalogs).Profile);
}
