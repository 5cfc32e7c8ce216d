using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>Venue fields as publication lists write them (BibTeX booktitle/journal, JSON Resume publisher), one row per shape.</summary>
public sealed class VenueFieldTests
{
    [Theory]
    // Catalog venues behind "Proceedings of", ordinals, years, parenthesised acronyms, any case.
    [InlineData("Proceedings of the 2020 IEEE 17th International Symposium on Biomedical Imaging (ISBI)", "ISBI", 2020, PublicationKind.Conference)]
    [InlineData("In Proceedings of the 36th JSSST Annual Conference", "JSSST Annual Conference", null, PublicationKind.Conference)]
    [InlineData("The 23nd JSSST Workshop on Programming and Programming Languages", "JSSST PPL", null, PublicationKind.Workshop)]
    [InlineData("JOURNAL OF THE INTERNATIONAL AIDS SOCIETY", "Journal of the International AIDS Society", null, PublicationKind.Journal)]
    [InlineData("J Int AIDS Soc", "Journal of the International AIDS Society", null, PublicationKind.Journal)]
    [InlineData("International journal of biometeorology", "International Journal of Biometeorology", null, PublicationKind.Journal)]
    [InlineData("Proceedings of the 14th ACM Computing Frontiers Conference", "CF", null, PublicationKind.Conference)]
    [InlineData("Hal preprint", "HAL", null, PublicationKind.Preprint)]
    [InlineData("arXiv preprint arXiv:2412.01302", "arXiv", 2024, PublicationKind.Preprint)]
    // Two-digit years after an apostrophe.
    [InlineData("PPoPP'19", "PPoPP", 2019, PublicationKind.Conference)]
    [InlineData("Programming '19", "Programming", 2019, PublicationKind.Conference)]
    [InlineData("ICDE '98", "ICDE", 1998, PublicationKind.Conference)]
    // A workshop beside a stated conference is that conference's workshops; an ordinary word is no venue inside a longer name.
    [InlineData("Talk at the 2020 Workshop on Live Programming (colocated with SPLASH 2020)", "SPLASH Workshops", 2020, PublicationKind.Workshop)]
    [InlineData("Proceedings of the ECAI Workshop on Machine Learning Meets Logic", "ECAI Workshops", null, PublicationKind.Workshop)]
    [InlineData("Workshop on Programming Models for Widgets", "Workshop on Programming Models for Widgets", null, PublicationKind.Workshop)]
    // Unknown venues are kept, cleaned: a conference by the acronym it states, a journal by its name.
    [InlineData("Proceedings of the 12th International Conference on Frobnication Studies (ICFS), pp. 1--10", "ICFS", null, PublicationKind.Unknown)]
    [InlineData("Journal of Imaginary Results (JIR), vol. 21, no. 3", "Journal of Imaginary Results", null, PublicationKind.Journal)]
    [InlineData("23rd Annual Canadian Conference on Frobnication Research", "Canadian Conference on Frobnication Research", null, PublicationKind.Unknown)]
    [InlineData("The Quarterly Review of Widgets, 12(3):45--67, 2015", "The Quarterly Review of Widgets", 2015, PublicationKind.Journal)]
    [InlineData("Proceedings of the Third Conference on Widget Theory 2021", "Third Conference on Widget Theory", 2021, PublicationKind.Unknown)]
    public void A_venue_field_names_its_venue(string field, string venue, int? year, PublicationKind kind)
    {
        var reading = VenueNotation.ReadField(field, RepoPaths.Catalogs.Venues);

        Assert.NotNull(reading);
        Assert.Equal((venue, year, kind), (reading.Venue, reading.Year, reading.Kind));
    }

    [Theory]
    [InlineData("ICDE'21 (to appear)", "ICDE", 2021)]
    [InlineData("[AsHES'17]", "AsHES", 2017)]
    [InlineData("Proceedings of the 16th ACM SIGPLAN International Symposium on Dynamic Languages, 2020", "DLS", 2020)]
    [InlineData("IC2S2 2018", "IC2S2", 2018)]
    [InlineData("Nature 615(7950):100-105, 2023", "Nature", 2023)]
    public void Notations_in_text_read_two_digit_years_and_cleaned_names(string raw, string venue, int year)
    {
        var reading = VenueNotation.Parse(raw, RepoPaths.Catalogs.Venues);

        Assert.NotNull(reading);
        Assert.Equal((venue, year), (reading.Venue, reading.Year));
    }

    [Theory]
    [InlineData("Programming")]
    [InlineData("Genetics")]
    [InlineData("Nature")]
    [InlineData("Science")]
    public void An_exact_venue_is_found_by_its_whole_name_only(string name)
    {
        var venues = RepoPaths.Catalogs.Venues;

        Assert.Equal(name, venues.Find(name)?.Name);
        Assert.Empty(venues.FindIn($"Workshop on Live {name} and Friends, Springer {name} Switzerland"));
    }

    [Fact]
    public void A_venue_of_unknown_kind_stops_loading()
    {
        var error = Assert.Throws<CatalogException>(() => new VenueCatalog([new VenueInfo("X", null, "f", "A", null, "symposium")]));

        Assert.Contains("unknown kind 'symposium'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_listed_twice_in_a_catalog_stops_loading_with_one_line_naming_it()
    {
        var venues = Assert.Throws<CatalogException>(() => new VenueCatalog([new VenueInfo("ICML", null, "ml", "A*", []), new VenueInfo("ICML", null, "ml", "A*", ["Int. Conf. Mach. Learn."])]));
        var skills = Assert.Throws<CatalogException>(() => new SkillCatalog([new SkillInfo("Go", "language", []), new SkillInfo("Go", "language", ["Golang"])]));
        var topics = Assert.Throws<CatalogException>(() => new TopicCatalog([new TopicInfo("video generation", [], []), new TopicInfo("video generation", ["text-to-video"], [])]));

        Assert.Equal("venues: 'ICML' is listed twice (merge its aliases into one entry)", venues.Message);
        Assert.Equal("skills: 'Go' is listed twice (merge its aliases into one entry)", skills.Message);
        Assert.Equal("topics: 'video generation' is listed twice (merge its aliases into one entry)", topics.Message);
    }
}
