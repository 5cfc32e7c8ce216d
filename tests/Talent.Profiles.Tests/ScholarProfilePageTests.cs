using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// A scholar profile page saved from the browser: the papers are rows of a table headed "Title | Cited by | Year", each
/// row a cell of three lines (the linked title, the authors with initials and no stops, the venue with volume and year)
/// and the cells of its counts. The header row starts a publications section, a cell's lines stay one entry, the counts
/// are not part of it, and "A Lovelace" among the authors is the owner. The header's "Verified email at" domain is not
/// a homepage.
/// </summary>
public sealed class ScholarProfilePageTests
{
    private const string Page = """
            <!doctype html><html><head><title>Ada Lovelace - Google Scholar</title>
            <meta name="description" content="Cited by 1,234 - Machine Learning - Speech Recognition">
            <meta property="og:title" content="Ada Lovelace"><meta property="og:description" content="University of Somewhere - Cited by 1,234 - Machine Learning - Speech Recognition">
            </head><body><div id="gs_top">
            <div id="gs_hdr" role="banner"><a id="gs_hdr_mnu" href="javascript:void(0)" role="button" aria-controls="gs_gb"></a><a id="gs_hdr_lgo" href="/schhp?hl=en"></a><form id="gs_hdr_frm" action="/citations"><input type="hidden" name="view_op" value="search_authors"><input name="mauthors" placeholder="Search"></form></div>
            <div id="gs_bdy"><div id="gs_bdy_sb" role="navigation"><div id="gs_bdy_sb_in"><ul class="gs_bdy_sb_sec"><li class="gs_bdy_sb_sel"><a href="/citations?user=abc">My profile</a></li><li><a href="/scholar?scilib=1">My library</a></li></ul></div></div>
            <div id="gs_bdy_ccl" role="main"><div id="gsc_bdy">
            <div id="gsc_prf_w"><div id="gsc_prf"><div id="gsc_prf_pu"><img id="gsc_prf_pup-img" alt="Ada Lovelace" src="/citations/images/avatar_scholar_128.png"></div>
            <div id="gsc_prf_i"><div id="gsc_prf_in">Ada Lovelace</div>
            <div class="gsc_prf_il">Professor of Computer Science, <a href="/citations?view_op=view_org&amp;hl=en&amp;org=123" class="gsc_prf_ila">University of Somewhere</a></div>
            <div class="gsc_prf_il" id="gsc_prf_ivh">Verified email at somewhere.edu - <a href="https://ada.example.org/" rel="nofollow" class="gsc_prf_ila">Homepage</a></div>
            <div class="gsc_prf_il" id="gsc_prf_int"><a href="/citations?view_op=search_authors&amp;mauthors=label:machine_learning" class="gsc_prf_inta gs_ibl">Machine Learning</a><a href="/citations?view_op=search_authors&amp;mauthors=label:speech_recognition" class="gsc_prf_inta gs_ibl">Speech Recognition</a><a href="/citations?view_op=search_authors&amp;mauthors=label:nlp" class="gsc_prf_inta gs_ibl">Natural Language Processing</a></div>
            </div><div id="gsc_prf_t_wrp"><button type="button" id="gsc_btn_foll"><span class="gs_lbl">Follow</span></button></div></div></div>
            <div id="gsc_art"><form method="post" action="/citations?hl=en&amp;user=abc" id="citationsForm"><div id="gsc_a_tw">
            <table id="gsc_a_t"><thead><tr aria-hidden="true"><th class="gsc_a_t"><span class="gsc_a_a">Title</span><span id="gsc_a_ta"><a href="javascript:void(0)" class="gs_btnP">Sort</a></span></th><th class="gsc_a_c"><a href="/citations?hl=en&amp;user=abc&amp;view_op=list_works&amp;sortby=citedby" class="gsc_a_a">Cited by</a></th><th class="gsc_a_y"><span class="gsc_a_h gsc_a_a"><a href="/citations?hl=en&amp;user=abc&amp;view_op=list_works&amp;sortby=pubdate" class="gsc_a_a">Year</a></span></th></tr></thead>
            <tbody id="gsc_a_b">
            <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;hl=en&amp;user=abc&amp;citation_for_view=abc:u5HHmVD_uO8C" class="gsc_a_at">Attention-based models for speech recognition</a><div class="gs_gray">J Chorowski, D Bahdanau, A Lovelace, K Cho, Y Bengio</div><div class="gs_gray">Advances in neural information processing systems 28<span class="gs_oph">, 2015</span></div></td><td class="gsc_a_c"><a href="https://scholar.google.com/scholar?oi=bibs&amp;cites=123" class="gsc_a_ac gs_ibl">3456</a><span class="gsc_a_m"></span></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2015</span></td></tr>
            <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;hl=en&amp;user=abc&amp;citation_for_view=abc:d1gkVwhDpl0C" class="gsc_a_at">Streaming end-to-end speech recognition with monotonic attention</a><div class="gs_gray">A Lovelace, C Babbage</div><div class="gs_gray">International Conference on Learning Representations<span class="gs_oph">, 2019</span></div></td><td class="gsc_a_c"><a href="https://scholar.google.com/scholar?oi=bibs&amp;cites=456" class="gsc_a_ac gs_ibl">210</a><span class="gsc_a_m"></span></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2019</span></td></tr>
            <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;hl=en&amp;user=abc&amp;citation_for_view=abc:9yKSN-GCB0IC" class="gsc_a_at">Low-resource speech translation with self-supervised encoders</a><div class="gs_gray">A Lovelace, M Somerville, C Babbage</div><div class="gs_gray">arXiv preprint arXiv:2203.01234<span class="gs_oph">, 2022</span></div></td><td class="gsc_a_c"><a href="" class="gsc_a_ac gs_ibl"></a><span class="gsc_a_m"></span></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2022</span></td></tr>
            <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;hl=en&amp;user=abc&amp;citation_for_view=abc:2osOgNQ5qMEC" class="gsc_a_at">Speech recognition in noisy classrooms</a><div class="gs_gray">A Lovelace</div><div class="gs_gray">Proceedings of Interspeech, 1234-1238<span class="gs_oph">, 2021</span></div></td><td class="gsc_a_c"><a href="https://scholar.google.com/scholar?oi=bibs&amp;cites=789" class="gsc_a_ac gs_ibl">12</a><span class="gsc_a_m"></span></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2021</span></td></tr>
            </tbody></table>
            <div id="gsc_lwp"><div id="gsc_bpf"><button type="button" id="gsc_bpf_more" class="gs_btnPD"><span class="gs_wr"><span class="gs_lbl">Show more</span></span></button></div></div>
            </div></form></div>
            <div id="gsc_rsb" role="complementary"><div class="gsc_rsb_s gsc_prf_pnl" id="gsc_rsb_cit"><div class="gsc_rsb_header"><h3 class="gsc_rsb_th">Cited by</h3><div class="gsc_rsb_m"><a href="javascript:void(0)">View all</a></div></div>
            <table id="gsc_rsb_st"><thead><tr><th class="gsc_rsb_sth"></th><th class="gsc_rsb_sth">All</th><th class="gsc_rsb_sth">Since 2020</th></tr></thead><tbody><tr><td class="gsc_rsb_sc1"><a href="javascript:void(0)" class="gsc_rsb_f gs_ibl">Citations</a></td><td class="gsc_rsb_std">4012</td><td class="gsc_rsb_std">2100</td></tr><tr><td class="gsc_rsb_sc1"><a class="gsc_rsb_f gs_ibl">h-index</a></td><td class="gsc_rsb_std">18</td><td class="gsc_rsb_std">14</td></tr><tr><td class="gsc_rsb_sc1"><a class="gsc_rsb_f gs_ibl">i10-index</a></td><td class="gsc_rsb_std">25</td><td class="gsc_rsb_std">20</td></tr></tbody></table></div>
            <div class="gsc_rsb_s gsc_prf_pnl" id="gsc_rsb_co"><div class="gsc_rsb_header"><h3 class="gsc_rsb_th">Co-authors</h3></div><div class="gsc_rsb_m"><ul class="gsc_rsb_a"><li><div class="gsc_rsb_aa"><span class="gsc_rsb_a_desc"><a href="/citations?user=def">Charles Babbage</a><span class="gsc_rsb_a_ext">University of Cambridge</span></span></div></li><li><div class="gsc_rsb_aa"><span class="gsc_rsb_a_desc"><a href="/citations?user=ghi">Mary Somerville</a><span class="gsc_rsb_a_ext">University of Edinburgh</span></span></div></li></ul></div></div>
            </div></div></div></div></div></body></html>
            """;

    [Fact]
    public void Every_row_of_the_papers_table_gives_its_title_venue_year_and_the_owners_place()
    {
        var profile = Extracted.Profile("text/html", Page);

        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal(
            [
                ("Attention-based models for speech recognition", "NeurIPS", 2015, 3),
                ("Streaming end-to-end speech recognition with monotonic attention", "ICLR", 2019, 1),
                ("Low-resource speech translation with self-supervised encoders", "arXiv", 2022, 1),
                ("Speech recognition in noisy classrooms", "Interspeech", 2021, 1),
            ],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
        Assert.Equal(["J Chorowski", "D Bahdanau", "A Lovelace", "K Cho", "Y Bengio"], profile.Publications[0].Authors);
        Assert.Equal(4012, profile.Metrics?.Citations);

        // "Verified email at somewhere.edu" names where the owner's mail goes, not a site; the "cited by" links are searches.
        Assert.Equal(["ada.example.org"], profile.Homepages);

        // The interests are links labelled with subjects; those of the topic catalog are stated interests.
        Assert.Equal(["Speech Recognition", "Natural Language Processing"], profile.Interests);
        Assert.Equal("Professor of Computer Science, University of Somewhere", profile.Headline);
        Assert.DoesNotContain(profile.Links, l => l.StartsWith("scholar.google.com/scholar", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("J Chorowski, D Bahdanau, KH Cho", "J Chorowski|D Bahdanau|KH Cho")]
    [InlineData("Chorowski J, Bahdanau D, Cho KH", "Chorowski J|Bahdanau D|Cho KH")]
    [InlineData("A Lovelace, C Babbage", "A Lovelace|C Babbage")]
    [InlineData("A Survey", null)]
    public void Initials_without_stops_are_read_in_a_list_of_authors(string text, string? expected) =>
        Assert.Equal(expected, AuthorList.Parse(text, 1) is { } names ? string.Join('|', names) : null);

    [Theory]
    [InlineData("KH Cho", "Kyunghyun Cho", 1)]
    [InlineData("Cho KH", "Kyung Hyun Cho", 1)]
    [InlineData("A Lovelace", "Ada Lovelace", 1)]
    [InlineData("B Lovelace", "Ada Lovelace", null)]
    public void Initials_without_stops_fit_the_owner(string author, string owner, int? position) =>
        Assert.Equal(position, AuthorList.PositionOf(owner, [author]));

    [Fact]
    public void A_table_headed_by_other_columns_is_not_a_list_of_papers()
    {
        const string teaching = """
            <html><body><h1>Ada Lovelace</h1>
            <table><tr><th>Year</th><th>Course</th><th>Role</th></tr>
            <tr><td>2021</td><td><div>Deep Learning for Speech</div><div>University of Somewhere, graduate course</div></td><td>Lecturer</td></tr>
            </table></body></html>
            """;
        var profile = Extracted.Profile("text/html", teaching);
        Assert.Empty(profile.Publications);
    }
}
