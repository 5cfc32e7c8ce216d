namespace Talent.Profiles.Tests;

/// <summary>
/// A dblp person page as dblp serves it: a banner and menus before the name, each entry with an icon box, its number
/// ("[c3]") and a toolbar of menus ("view", "export record", "share record") before the citation, and the citation's
/// parts in schema.org spans (the year inside the venue's link for a conference, after the pages for a journal).
/// </summary>
public sealed class DblpPageTests
{
    private const string Page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="UTF-8"><title>dblp: Ada Lovelace</title></head>
            <body class="pers-page">
            <div id="banner"><p>Stop the war!</p></div>
            <header id="logo"><a href="https://dblp.org"><img alt="dblp computer science bibliography"></a></header>
            <nav class="top"><ul><li><a href="https://dblp.org/">Home</a></li><li><a href="https://dblp.org/search">Search</a></li></ul></nav>
            <div id="main">
            <header class="headline noline"><h1><span class="name primary" itemprop="name">Ada Lovelace</span></h1></header>
            <div class="hide-body"><ul><li>Person information</li><li class="affiliation">affiliation: University of Cambridge, UK</li></ul></div>
            <div id="publ-section" class="section">
            <header class="hide-head h2"><h2>Journal Articles and Conference and Workshop Papers</h2></header>
            <div class="hide-body">
            <ul class="publ-list" data-style="ydvspc">
            <li class="year">2024</li>
            <li class="entry inproceedings toc" id="conf/cvpr/LovelaceT24" itemscope itemtype="http://schema.org/ScholarlyArticle"><link itemprop="additionalType" href="https://dblp.org/rdf/schema#Publication"><div class="box"><img alt="" title="Conference and Workshop Papers" src="https://dblp.org/img/n.png"></div><div class="nr" id="c3">[c3]</div><nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://doi.org/10.1109/CVPR.2024.001"><img alt="" src="https://dblp.org/img/paper.dark.hollow.16x16.png" class="icon"></a></div><div class="body"><p><b>view</b></p><ul><li class="ee"><a href="https://doi.org/10.1109/CVPR.2024.001" itemprop="url"><img alt="" src="x" class="icon">electronic edition via DOI</a></li><li class="details"><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24.html?view=details"><img alt="" src="x" class="icon">details &amp; citations</a></li></ul></div></li><li class="drop-down"><div class="head"><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24.html?view=bibtex"><img alt="" src="x" class="icon"></a></div><div class="body"><p><b>export record</b></p><ul><li><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24.html?view=bibtex"><img alt="" src="x" class="icon">BibTeX</a></li><li><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24.ris"><img alt="" src="x" class="icon">RIS</a></li><li><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24.nt"><img alt="" src="x" class="icon">RDF N-Triples</a></li></ul><p><em>dblp key:</em></p><ul class="bullets"><li class="select-on-click"><small>conf/cvpr/LovelaceT24</small></li></ul></div></li><li class="drop-down"><div class="head"><a href="https://scholar.google.com/scholar?q=x"><img alt="" src="x" class="icon"></a></div><div class="body"><p><b>ask others</b></p><ul><li><a href="https://www.google.com/search?q=x"><img alt="" src="x" class="icon">Google</a></li><li><a href="https://scholar.google.com/scholar?q=x"><img alt="" src="x" class="icon">Google Scholar</a></li><li><a href="https://www.semanticscholar.org/search?q=x"><img alt="" src="x" class="icon">Semantic Scholar</a></li></ul></div></li><li class="drop-down"><div class="head"><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24.html"><img alt="" src="x" class="icon"></a></div><div class="body"><p><b>share record</b></p><ul><li><a href="https://bsky.app/intent/compose?text=x"><img alt="" src="x" class="icon">Bluesky</a></li><li><a href="https://www.reddit.com/submit?url=x"><img alt="" src="x" class="icon">Reddit</a></li></ul><p><em>persistent URL:</em></p><ul class="bullets"><li><small><a href="https://dblp.org/rec/conf/cvpr/LovelaceT24">https://dblp.org/rec/conf/cvpr/LovelaceT24</a></small></li></ul></div></li></ul></nav><cite class="data tts-content" itemprop="headline"><span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="this-person" itemprop="name">Ada Lovelace</span></span>, <span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/t/AlanTuring.html" itemprop="url"><span itemprop="name" title="Alan Turing">Alan Turing</span></a></span>:<br> <span class="title" itemprop="name">Video Generation with Motion Priors.</span> <a href="https://dblp.org/db/conf/cvpr/cvpr2024.html#LovelaceT24"><span itemprop="isPartOf" itemscope itemtype="http://schema.org/BookSeries"><span itemprop="name">CVPR</span></span> <span itemprop="datePublished">2024</span></a>: <span itemprop="pagination">100-110</span></cite><meta property="genre" content="computer science"></li>
            <li class="entry informal toc" id="journals/corr/abs-2401-00001" itemscope itemtype="http://schema.org/ScholarlyArticle"><div class="box"><img alt="" title="Informal and Other Publications" src="x"></div><div class="nr" id="i2">[i2]</div><nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://arxiv.org/abs/2401.00001"><img alt="" src="x" class="icon"></a></div><div class="body"><p><b>view</b></p><ul><li class="ee"><a href="https://arxiv.org/abs/2401.00001"><img alt="" src="x" class="icon">electronic edition @ arxiv.org (open access)</a></li></ul></div></li></ul></nav><cite class="data tts-content" itemprop="headline"><span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/h/GraceHopper.html" itemprop="url"><span itemprop="name" title="Grace Hopper">Grace Hopper</span></a></span>, <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="this-person" itemprop="name">Ada Lovelace</span></span>:<br> <span class="title" itemprop="name">Sparse Attention for Long Video Understanding.</span> <a href="https://dblp.org/db/journals/corr/corr2401.html#abs-2401-00001"><span itemprop="isPartOf" itemscope itemtype="http://schema.org/Periodical"><span itemprop="name">CoRR</span></span> <span itemprop="isPartOf" itemscope itemtype="http://schema.org/PublicationVolume"><span itemprop="volumeNumber">abs/2401.00001</span></span></a> (<span itemprop="datePublished">2024</span>)</cite></li>
            <li class="year">2023</li>
            <li class="entry article toc" id="journals/pami/TuringL23" itemscope itemtype="http://schema.org/ScholarlyArticle"><div class="box"><img alt="" title="Journal Articles" src="x"></div><div class="nr" id="j1">[j1]</div><nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://doi.org/10.1109/TPAMI.2023.1"><img alt="" src="x" class="icon"></a></div><div class="body"><p><b>view</b></p><ul><li class="ee"><a href="https://doi.org/10.1109/TPAMI.2023.1"><img alt="" src="x" class="icon">electronic edition via DOI</a></li></ul></div></li></ul></nav><cite class="data tts-content" itemprop="headline"><span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/t/AlanTuring.html" itemprop="url"><span itemprop="name" title="Alan Turing">Alan Turing</span></a></span>, <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="this-person" itemprop="name">Ada Lovelace</span></span>, <span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/h/GraceHopper.html" itemprop="url"><span itemprop="name" title="Grace Hopper">Grace Hopper</span></a></span>:<br> <span class="title" itemprop="name">Motion Fields for Animation.</span> <a href="https://dblp.org/db/journals/pami/pami45.html#TuringL23"><span itemprop="isPartOf" itemscope itemtype="http://schema.org/Periodical"><span itemprop="name">IEEE Trans. Pattern Anal. Mach. Intell.</span></span> <span itemprop="isPartOf" itemscope itemtype="http://schema.org/PublicationVolume"><span itemprop="volumeNumber">45</span></span>(<span itemprop="isPartOf" itemscope itemtype="http://schema.org/PublicationIssue"><span itemprop="issueNumber">3</span></span>)</a>: <span itemprop="pagination">1-12</span> (<span itemprop="datePublished">2023</span>)</cite></li>
            <li class="entry inproceedings toc" id="conf/iclr/LovelaceH23" itemscope itemtype="http://schema.org/ScholarlyArticle"><div class="box"><img alt="" title="Conference and Workshop Papers" src="x"></div><div class="nr" id="c2">[c2]</div><nav class="publ"><ul><li class="drop-down"><div class="head"><a href="https://openreview.net/forum?id=abc"><img alt="" src="x" class="icon"></a></div><div class="body"><p><b>view</b></p><ul><li class="ee"><a href="https://openreview.net/forum?id=abc"><img alt="" src="x" class="icon">electronic edition @ openreview.net</a></li></ul></div></li></ul></nav><cite class="data tts-content" itemprop="headline"><span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="this-person" itemprop="name">Ada Lovelace</span></span>, <span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="https://dblp.org/pid/h/GraceHopper.html" itemprop="url"><span itemprop="name" title="Grace Hopper">Grace Hopper</span></a></span>:<br> <span class="title" itemprop="name">Diffusion Models Beat GANs on Video Synthesis.</span> <a href="https://dblp.org/db/conf/iclr/iclr2023.html#LovelaceH23"><span itemprop="isPartOf" itemscope itemtype="http://schema.org/BookSeries"><span itemprop="name">ICLR</span></span> <span itemprop="datePublished">2023</span></a></cite></li>
            </ul></div></div>
            <div id="coauthor-section" class="section"><header class="hide-head h2"><h2>Coauthor Index</h2></header><div class="hide-body"><table><tr><td><a href="https://dblp.org/pid/h/GraceHopper.html">Grace Hopper</a></td><td>[i2] [j1] [c2]</td></tr><tr><td><a href="https://dblp.org/pid/t/AlanTuring.html">Alan Turing</a></td><td>[j1] [c3]</td></tr></table></div></div>
            </div>
            <footer id="footer"><p>last updated on 2024-12-01 02:20 CET by the dblp team</p><p>all metadata released as open data under CC0 1.0 license</p></footer>
            </body></html>
            """;

    [Fact]
    public void Every_entry_gives_its_title_venue_year_and_the_owners_place()
    {
        var profile = Extracted.Profile("text/html", Page);

        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal(
            [
                ("Video Generation with Motion Priors", "CVPR", 2024, 1),
                ("Sparse Attention for Long Video Understanding", "arXiv", 2024, 2),
                ("Motion Fields for Animation", "TPAMI", 2023, 2),
                ("Diffusion Models Beat GANs on Video Synthesis", "ICLR", 2023, 1),
            ],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
        Assert.Equal([true, false, false, true], profile.Publications.Select(p => p.FirstAuthor));
        Assert.DoesNotContain(profile.Publications, p => p.Title.Contains("electronic edition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[C1] ")]
    [InlineData("[J12] ")]
    [InlineData("[c3] ")]
    [InlineData("[1] ")]
    public void An_entry_number_is_no_part_of_the_authors(string number)
    {
        var content = "# Ada Lovelace\n\n## Publications\n\n"
            + $"- {number}Ada Lovelace, Alan Turing: Video Generation with Motion Priors. CVPR 2024: 100-110\n"
            + $"- {number}Alan Turing, Ada Lovelace: Motion Fields for Animation. ICLR 2023\n";
        var profile = Extracted.Profile("text/markdown", content);

        Assert.Equal(
            [("Video Generation with Motion Priors", "CVPR", 1), ("Motion Fields for Animation", "ICLR", 2)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.AuthorPosition)).ToList());
    }
}
