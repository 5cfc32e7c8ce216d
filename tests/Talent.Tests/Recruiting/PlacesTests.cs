using Talent.Profiles.Catalogs;
using Talent.Search.Recruiting;

namespace Talent.Tests.Recruiting;

public sealed class PlacesTests
{
    private static readonly ProfileCatalogs Catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));

    [Theory]
    [InlineData("Berlin, DE", "Berlin", "Germany")]
    [InlineData("München, DE", "München", "Germany")]
    [InlineData("Munchen, DE", "Munchen", "Germany")]
    [InlineData("Toronto, CA", "Toronto", "Canada")]
    [InlineData("Montréal, CA", "Montréal", "Canada")]
    [InlineData("Bengaluru, IN", "Bengaluru", "India")]
    [InlineData("Tel Aviv, IL", "Tel Aviv", "Israel")]
    [InlineData("San Francisco, CA", "San Francisco", "United States")]
    [InlineData("Newark, DE", "Newark", "United States")]
    [InlineData("Indianapolis, IN", "Indianapolis", "United States")]
    [InlineData("Chicago, IL", "Chicago", "United States")]
    [InlineData("Seattle, WA", "Seattle", "United States")]
    [InlineData("Berlin, Berlin, DE", "Berlin", "Germany")]
    [InlineData("Lisbon, Portugal", "Lisbon", "Portugal")]
    public void A_city_the_country_of_a_state_code_lists_is_in_that_country_and_any_other_city_in_the_state(string place, string city, string country) =>
        Assert.Equal((city, country), Places.Read(place, Catalogs.Countries));

    [Fact]
    public void Without_listed_cities_a_state_code_is_read_the_American_way() =>
        Assert.Equal(("Berlin", "United States"), Places.Read("Berlin, DE", new CountryCatalog([new CountryInfo("DE", "Germany", null)])));

    [Fact]
    public void A_city_without_a_name_stops_the_catalog_with_one_line()
    {
        var refused = Assert.Throws<CatalogException>(() => new CountryCatalog([new CountryInfo("DE", "Germany", null, ["Berlin", " - "])]));
        Assert.Equal("country Germany: a city needs a name, not \" - \"", refused.Message);
    }
}
