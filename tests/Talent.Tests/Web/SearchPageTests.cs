using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Talent.Search;
using Talent.Storage;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Web;

/// <summary>The web page in headless Chromium over the team's sample profiles: what a recruiter does with a keyboard, a mouse or a phone.</summary>
public sealed class SearchPageTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    /// <summary>The name a result card shows: "Name not stated" for a profile without one.</summary>
    private static string DisplayName(SearchHit hit) => hit.DisplayName;

    [ChromiumFact]
    public async Task Results_show_why_each_candidate_matched_in_the_service_order()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.SearchAsync("video generation");
        await page.WaitForResultsAsync();

        var api = await site.ApiSearchAsync("q=video%20generation");
        Assert.NotEmpty(api.Results);
        Assert.Equal(api.Results.Select(DisplayName), await page.CardNamesAsync());
        await Expect(page.Page.Locator("#summary")).ToContainTextAsync($"{api.Total} candidate");

        var top = api.Results[0];
        var card = page.Cards.First;
        foreach (var topic in top.Matches.Topics)
        {
            await Expect(card.Locator(".tag-topic", new() { HasText = topic })).ToBeVisibleAsync();
        }

        foreach (var evidence in top.Evidence)
        {
            var paper = card.Locator(".paper", new() { HasText = evidence.Title });
            await Expect(paper).ToBeVisibleAsync();
            if (evidence.Venue is not null)
            {
                await Expect(paper.Locator(".venue-name")).ToHaveTextAsync(evidence.Venue);
            }

            if (evidence.Year is not null)
            {
                await Expect(paper.Locator(".year")).ToHaveTextAsync(evidence.Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await Expect(paper.Locator(".first-author")).ToHaveCountAsync(evidence.FirstAuthor ? 1 : 0);
            await Expect(paper.Locator(".last-author")).ToHaveCountAsync(evidence.LastAuthor && !evidence.FirstAuthor ? 1 : 0);
        }

        // The sample profiles hold a paper on the subject whose last author is the best hit.
        Assert.Contains(top.Evidence, e => e.LastAuthor);

        Assert.Matches(new Regex(@"\?q=video\+generation$"), page.Page.Url);
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Near_matches_come_last_and_each_says_it_lacks_a_word()
    {
        // Among the sample profiles one holds both words of "distributed training"; others hold most of it.
        var api = await site.ApiSearchAsync("q=distributed%20training");
        Assert.True(api.NearMatches > 0 && api.NearMatches < api.Total, $"{api.NearMatches} near of {api.Total}");

        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.SearchAsync("distributed training");
        await page.WaitForResultsAsync();

        Assert.Equal(api.Results.Select(DisplayName), await page.CardNamesAsync());
        await Expect(page.Page.Locator("#summary")).ToContainTextAsync($"the last {api.NearMatches} holding most of the words but not all");
        var marked = api.Results.Select((hit, i) => (hit, i)).Where(p => p.hit.NearMatch == true).Select(p => p.i).ToList();
        Assert.Equal(Enumerable.Range(api.Total - api.NearMatches, api.NearMatches), marked);
        for (var i = 0; i < api.Results.Count; i++)
        {
            await Expect(page.Cards.Nth(i).Locator(".near-match")).ToHaveCountAsync(marked.Contains(i) ? 1 : 0);
        }

        page.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData("\"video generation", "unmatched quotation mark")]
    [InlineData("title:(video generation", "unmatched parenthesis")]
    [InlineData("video) generation (", "unmatched parenthesis")]
    [InlineData("<script>alert(1)</script> diffusion", "markup")]
    [InlineData("<img src=x onerror=alert(1)>", "markup")]
    [InlineData(null, "5,000 characters long; the limit is 1,000")]
    public async Task Bad_input_in_the_search_box_shows_a_clear_message(string? text, string message)
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.SearchAsync(text ?? string.Concat(Enumerable.Repeat("video ", 834))[..5000]);

        await Expect(page.Page.Locator("#search-error")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#search-error")).ToContainTextAsync(message);
        await Expect(page.Page.Locator("#q-error")).ToContainTextAsync(message);
        await Expect(page.Page.Locator("#q")).ToHaveAttributeAsync("aria-invalid", "true");
        // The markup stays text: no element was made from it, and the page still works.
        await Expect(page.Page.Locator("#view script, #view img")).ToHaveCountAsync(0);
        await Expect(page.Cards).ToHaveCountAsync(0);

        await page.SearchAsync("video generation");
        await Expect(page.Page.Locator("#search-error")).ToBeHiddenAsync();
        await Expect(page.Page.Locator("#q")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Cards.First).ToBeVisibleAsync();
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_query_the_service_refuses_shows_its_reason_on_the_page()
    {
        await using var page = await site.OpenAsync();
        page.ExpectedErrors.Add("status of 400");
        await page.GotoAsync("/");
        await page.SearchAsync("video AND OR generation");

        await Expect(page.Page.Locator("#search-error")).ToContainTextAsync("The search could not run. Search text: The query could not be parsed");
        await Expect(page.Page.Locator("#q")).ToHaveAttributeAsync("aria-invalid", "true");
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Overlong_search_in_a_shared_link_shows_the_limit_instead_of_a_broken_page()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("/?q=" + new string('a', 5000));

        await Expect(page.Page.Locator("#search-error")).ToContainTextAsync("5,000 characters long; the limit is 1,000");
        await Expect(page.Page.Locator("#q")).ToHaveValueAsync(new string('a', 5000));
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_venue_facet_narrows_the_results_to_its_count()
    {
        var all = await site.ApiSearchAsync("");
        var venue = all.Facets.Venues.First(v => v.Count < all.Total);

        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.WaitForResultsAsync();
        await Expect(page.Page.Locator("#summary")).ToContainTextAsync($"{all.Total} candidates");

        var facet = page.Page.Locator("#facet-venues-values .facet-value", new() { HasText = venue.Value });
        await Expect(facet.Locator(".count")).ToHaveTextAsync(venue.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await facet.ClickAsync();

        await Expect(page.Page.Locator("#summary")).ToContainTextAsync($"{venue.Count} candidate");
        await Expect(page.Cards).ToHaveCountAsync(venue.Count);
        Assert.Contains("venue=" + Uri.EscapeDataString(venue.Value), page.Page.Url, StringComparison.Ordinal);
        await Expect(page.Page.Locator("#active-filters .chip-venue")).ToContainTextAsync(venue.Value);
        await Expect(page.Page.Locator("#facet-venues-values .facet-value[aria-pressed=true]")).ToContainTextAsync(venue.Value);
        var narrowed = await site.ApiSearchAsync("venue=" + Uri.EscapeDataString(venue.Value));
        Assert.Equal(narrowed.Results.Select(DisplayName), await page.CardNamesAsync());

        // Removing the filter chip widens the search again.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Remove venue filter {venue.Value}" }).ClickAsync();
        await Expect(page.Page.Locator("#summary")).ToContainTextAsync($"{all.Total} candidates");
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Pages_move_through_the_results_and_the_url_follows()
    {
        var all = await site.ApiSearchAsync("size=2");
        Assert.True(all.Total > 2, "the sample profiles fill more than one page of two");
        var second = await site.ApiSearchAsync("size=2&page=2");

        await using var page = await site.OpenAsync();
        await page.GotoAsync("/?size=2");
        await page.WaitForResultsAsync();
        Assert.Equal(all.Results.Select(DisplayName), await page.CardNamesAsync());
        await Expect(page.Page.Locator("#pagination")).ToContainTextAsync($"page 1 of {(all.Total + 1) / 2}");

        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.Page.Locator("#pagination a[aria-current=page]")).ToHaveTextAsync("2");
        await Expect(page.Page.Locator("#summary")).ToContainTextAsync("showing 3–");
        Assert.Equal(second.Results.Select(DisplayName), await page.CardNamesAsync());
        Assert.EndsWith("/?page=2&size=2", page.Page.Url, StringComparison.Ordinal);

        // The browser's back button returns to the first page.
        await page.Page.GoBackAsync();
        await Expect(page.Page.Locator("#pagination a[aria-current=page]")).ToHaveTextAsync("1");
        Assert.Equal(all.Results.Select(DisplayName), await page.CardNamesAsync());
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_shared_url_restores_the_whole_search()
    {
        var browse = await site.ApiSearchAsync("q=learning");
        var venue = browse.Facets.Venues[0].Value;
        var since = browse.Facets.Years.Min(y => int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture));
        var query = $"q=learning&venue={Uri.EscapeDataString(venue)}&since={since}&size=20";
        var expected = await site.ApiSearchAsync(query);
        Assert.NotEmpty(expected.Results);

        await using var page = await site.OpenAsync();
        await page.GotoAsync("/?" + query);
        await page.WaitForResultsAsync();

        await Expect(page.Page.Locator("#q")).ToHaveValueAsync("learning");
        await Expect(page.Page.Locator("#since")).ToHaveValueAsync(since.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Page.Locator("#size")).ToHaveValueAsync("20");
        await Expect(page.Page.Locator("#active-filters .chip-venue")).ToContainTextAsync(venue);
        Assert.Equal(expected.Results.Select(DisplayName), await page.CardNamesAsync());

        // A reload of the URL the page wrote shows the same search again.
        await page.Page.ReloadAsync();
        await page.WaitForResultsAsync();
        await Expect(page.Page.Locator("#q")).ToHaveValueAsync("learning");
        Assert.Equal(expected.Results.Select(DisplayName), await page.CardNamesAsync());
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task The_keyboard_alone_searches_and_opens_a_candidate()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.WaitForResultsAsync();

        var presses = 0;
        while (await page.Page.EvaluateAsync<string>("document.activeElement && document.activeElement.id") != "q")
        {
            // The brand, the three top-bar links (Search, Shortlists, Rejected documents), Add CVs, then the box.
            Assert.True(++presses <= 6, "Tab did not reach the search box within 6 presses");
            await page.Page.Keyboard.PressAsync("Tab");
        }

        await page.Page.Keyboard.TypeAsync("diffusion");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/\?q=diffusion$"));
        await page.WaitForResultsAsync();
        var names = await page.CardNamesAsync();
        Assert.NotEmpty(names);

        for (presses = 0; await page.Page.EvaluateAsync<string>("document.activeElement && document.activeElement.closest('.candidate-name') ? 'name' : ''") != "name"; presses++)
        {
            Assert.True(presses < 80, "Tab did not reach the first result");
            await page.Page.Keyboard.PressAsync("Tab");
        }

        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Page.Locator("h1#candidate-name")).ToHaveTextAsync(names[0]);
        await Expect(page.Page.Locator("h1#candidate-name")).ToBeFocusedAsync();
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Skill_suggestions_come_from_the_catalog_and_enter_adds_the_filter()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.WaitForResultsAsync();
        await page.Page.Locator("#add-skill").PressSequentiallyAsync("pytor");
        await Expect(page.Page.Locator("#skill-suggestions option[value='PyTorch']")).ToHaveCountAsync(1);

        await page.Page.Locator("#add-skill").FillAsync("PyTorch");
        await page.Page.Locator("#add-skill").PressAsync("Enter");
        await Expect(page.Page.Locator("#active-filters .chip-skill")).ToContainTextAsync("PyTorch");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"\?skill=PyTorch$"));
        await page.WaitForResultsAsync();
        var expected = await site.ApiSearchAsync("skill=PyTorch");
        Assert.Equal(expected.Results.Select(DisplayName), await page.CardNamesAsync());
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Phone_width_has_no_horizontal_scrolling()
    {
        await using var page = await site.OpenAsync(width: 375, height: 740);
        var candidateId = (await site.ApiSearchAsync("q=learning")).Results[0].Id;
        foreach (var path in new[] { "/?q=learning", $"/candidates/{candidateId}", "/admin/rejected" })
        {
            await page.GotoAsync(path);
            await Expect(page.Page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
            await Expect(page.Page.Locator("#view h1, #view .card").First).ToBeVisibleAsync();
            var overflow = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 375 px screen");
        }

        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Candidate_page_shows_every_source_and_links_back_to_the_search()
    {
        var hit = (await site.ApiSearchAsync("q=diffusion")).Results[0];
        var details = await site.Host.Get<CandidateStore>().GetCandidateAsync(hit.Id, CancellationToken.None);
        Assert.NotNull(details);

        await using var page = await site.OpenAsync();
        await page.GotoAsync("/?q=diffusion");
        await page.WaitForResultsAsync();
        await page.Cards.First.Locator(".candidate-name a").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new Regex($"/candidates/{hit.Id}$"));
        await Expect(page.Page.Locator("h1#candidate-name")).ToHaveTextAsync(details.Profile.Name!); // the demo profiles all have names
        await Expect(page.Page.Locator("#sources .source")).ToHaveCountAsync(details.Sources.Count);
        foreach (var source in details.Sources)
        {
            await Expect(page.Page.Locator("#sources")).ToContainTextAsync(source.SourceId);
        }

        await Expect(page.Page.Locator(".publication")).ToHaveCountAsync(details.Profile.Publications.Count);
        var years = details.Profile.Publications.Select(p => p.Publication.Year).OfType<int>().Distinct().OrderDescending()
            .Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(years, (await page.Page.Locator(".year-heading").AllInnerTextsAsync()).Where(t => t != "Year unknown"));

        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Back to search" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/\?q=diffusion$"));
        await Expect(page.Page.Locator("#q")).ToHaveValueAsync("diffusion");
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Every_control_has_an_accessible_name()
    {
        const string Unnamed = """
            [...document.querySelectorAll('input, select, button, a, textarea')]
              .filter(e => e.getClientRects().length > 0)
              .filter(e => !((e.labels && [...e.labels].map(l => l.textContent).join('')) || e.getAttribute('aria-label') || e.textContent.trim() || e.getAttribute('title') || '').trim())
              .map(e => e.outerHTML.slice(0, 120))
            """;
        var candidateId = (await site.ApiSearchAsync("q=learning")).Results[0].Id;
        await using var page = await site.OpenAsync();
        foreach (var path in new[] { "/?q=learning", $"/candidates/{candidateId}", "/admin/rejected" })
        {
            await page.GotoAsync(path);
            await Expect(page.Page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
            await Expect(page.Page.Locator("#view h1, #view .card").First).ToBeVisibleAsync();
            Assert.Empty(await page.Page.EvaluateAsync<string[]>(Unnamed));
        }

        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task An_unknown_candidate_says_so_and_keeps_the_way_back()
    {
        await using var page = await site.OpenAsync();
        page.ExpectedErrors.Add("status of 404");
        await page.GotoAsync("/candidates/987654");

        await Expect(page.Page.Locator("#candidate .message.error")).ToHaveTextAsync("There is no candidate with id 987654. The profile may have been removed.");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Back to search" }).ClickAsync();
        await Expect(page.Page.Locator("#q")).ToBeVisibleAsync();
        page.AssertNoErrors();
    }
}
