namespace Talent.Profiles.Tests;

/// <summary>
/// The two most common academic homepage templates as a browser receives them. al-folio sets each paper as a list item
/// of blocks — a venue badge, the title, the authors (the owner in emphasis), the venue in emphasis with the year after
/// it, buttons, a hidden abstract and a hidden BibTeX record; the other template sets each paper as a table row whose
/// first cell plays a video and whose second holds the linked title, the authors with the owner in bold, the venue and a
/// sentence about the paper. Each paper is one entry with its title, authors, the owner's place, venue and year.
/// </summary>
public sealed class HomepageTemplateTests
{
    private const string AlFolio = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Ada Lovelace</title><meta name="author" content="Ada Lovelace"></head>
            <body class="fixed-top-nav">
            <header><nav id="navbar" class="navbar navbar-light navbar-expand-sm fixed-top"><div class="container"><a class="navbar-brand title font-weight-lighter" href="/"><span class="font-weight-bold">Ada</span> Lovelace</a><div class="collapse navbar-collapse text-right" id="navbarNav"><ul class="navbar-nav ml-auto flex-nowrap"><li class="nav-item active"><a class="nav-link" href="/">about</a></li><li class="nav-item"><a class="nav-link" href="/publications/">publications</a></li><li class="nav-item"><a class="nav-link" href="/cv/">cv</a></li></ul></div></div></nav></header>
            <div class="container mt-5"><div class="post">
            <header class="post-header"><h1 class="post-title"><span class="font-weight-bold">Ada</span> Lovelace</h1><p class="desc">PhD student, <a href="https://www.cam.ac.uk">University of Cambridge</a>.</p></header>
            <article>
            <div class="profile float-right"><figure><picture><img src="/assets/img/prof_pic.jpg" class="img-fluid z-depth-1 rounded" alt="prof_pic.jpg"></picture></figure><div class="more-info"><p>Computer Laboratory</p><p>Cambridge, UK</p></div></div>
            <div class="clearfix"><p>I work on video generation and diffusion models. Before that I studied mathematics at ETH Zurich.</p></div>
            <h2><a href="/news/" style="color: inherit;">news</a></h2>
            <div class="news"><div class="table-responsive"><table class="table table-sm table-borderless"><tr><th scope="row">Jan 15, 2024</th><td>Our paper on motion priors was accepted to CVPR 2024!</td></tr></table></div></div>
            <h2><a href="/publications/" style="color: inherit;">selected publications</a></h2>
            <div class="publications">
            <ol class="bibliography">
            <li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">CVPR</abbr></div><div id="lovelace2024motion" class="col-sm-8"><div class="title">Video Generation with Motion Priors</div><div class="author"><em>Ada Lovelace</em>, and <a href="https://turing.example.org" rel="external nofollow noopener" target="_blank">Alan Turing</a></div><div class="periodical"><em>In Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)</em>, 2024</div><div class="periodical"></div><div class="links"><a class="abstract btn btn-sm z-depth-0" role="button">Abs</a> <a href="http://arxiv.org/abs/2401.00001" class="btn btn-sm z-depth-0" role="button" rel="external nofollow noopener" target="_blank">arXiv</a> <a class="bibtex btn btn-sm z-depth-0" role="button">Bib</a> <a href="https://github.com/ada/motion" class="btn btn-sm z-depth-0" role="button" rel="external nofollow noopener" target="_blank">Code</a></div><div class="abstract hidden"><p>We generate videos with motion priors learned from optical flow.</p></div><div class="bibtex hidden"><figure class="highlight"><pre><code class="language-bibtex" data-lang="bibtex"><span class="nc">@inproceedings</span><span class="p">{</span><span class="nl">lovelace2024motion</span><span class="p">,</span>
              <span class="na">title</span> <span class="p">=</span> <span class="s">{Video Generation with Motion Priors}</span><span class="p">,</span>
              <span class="na">author</span> <span class="p">=</span> <span class="s">{Lovelace, Ada and Turing, Alan}</span><span class="p">,</span>
              <span class="na">booktitle</span> <span class="p">=</span> <span class="s">{Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)}</span><span class="p">,</span>
              <span class="na">year</span> <span class="p">=</span> <span class="s">{2024}</span>
            <span class="p">}</span></code></pre></figure></div></div></div></li>
            <li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">ICLR</abbr></div><div id="lovelace2023diffusion" class="col-sm-8"><div class="title">Diffusion Models Beat GANs on Video Synthesis</div><div class="author"><a href="https://hopper.example.org" rel="external nofollow noopener" target="_blank">Grace Hopper</a>, <em>Ada Lovelace</em>, and <a href="https://turing.example.org" rel="external nofollow noopener" target="_blank">Alan Turing</a></div><div class="periodical"><em>In International Conference on Learning Representations</em>, 2023</div><div class="periodical"></div><div class="links"><a class="abstract btn btn-sm z-depth-0" role="button">Abs</a> <a class="bibtex btn btn-sm z-depth-0" role="button">Bib</a> <a href="/assets/pdf/diffusion.pdf" class="btn btn-sm z-depth-0" role="button">PDF</a></div><div class="abstract hidden"><p>Diffusion models produce videos that GANs cannot.</p></div><div class="bibtex hidden"><figure class="highlight"><pre><code class="language-bibtex" data-lang="bibtex"><span class="nc">@inproceedings</span><span class="p">{</span><span class="nl">lovelace2023diffusion</span><span class="p">,</span>
              <span class="na">title</span> <span class="p">=</span> <span class="s">{Diffusion Models Beat GANs on Video Synthesis}</span><span class="p">,</span>
              <span class="na">author</span> <span class="p">=</span> <span class="s">{Hopper, Grace and Lovelace, Ada and Turing, Alan}</span><span class="p">,</span>
              <span class="na">booktitle</span> <span class="p">=</span> <span class="s">{International Conference on Learning Representations}</span><span class="p">,</span>
              <span class="na">year</span> <span class="p">=</span> <span class="s">{2023}</span>
            <span class="p">}</span></code></pre></figure></div></div></div></li>
            <li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">TPAMI</abbr></div><div id="turing2023motion" class="col-sm-8"><div class="title">Motion Fields for Animation</div><div class="author"><a href="https://turing.example.org">Alan Turing</a>, and <em>Ada Lovelace</em></div><div class="periodical"><em>IEEE Transactions on Pattern Analysis and Machine Intelligence</em>, 2023</div><div class="periodical"></div><div class="links"><a class="bibtex btn btn-sm z-depth-0" role="button">Bib</a></div></div></div></li>
            </ol>
            </div>
            <div class="social"><div class="contact-icons"><a href="mailto:%61%64%61@%63%61%6D.%61%63.%75%6B" title="email"><i class="fa-solid fa-envelope"></i></a> <a href="https://scholar.google.com/citations?user=abc" title="Google Scholar" rel="external nofollow noopener" target="_blank"><i class="ai ai-google-scholar"></i></a> <a href="https://github.com/ada" title="GitHub" rel="external nofollow noopener" target="_blank"><i class="fa-brands fa-github"></i></a></div><div class="contact-note">The best way to reach me is by e-mail.</div></div>
            </article></div></div>
            <footer class="fixed-bottom"><div class="container mt-0">© Copyright 2024 Ada Lovelace. Powered by <a href="https://jekyllrb.com/">Jekyll</a> with <a href="https://github.com/alshedivat/al-folio">al-folio</a> theme.</div></footer>
            </body></html>
            """;

    private const string PapersTable = """
            <!DOCTYPE HTML>
            <html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ada Lovelace</title><meta name="author" content="Ada Lovelace"></head>
            <body>
            <table style="width:100%;max-width:800px;border:0px;border-spacing:0px;border-collapse:separate;margin-right:auto;margin-left:auto;"><tbody><tr style="padding:0px"><td style="padding:0px">
            <table style="width:100%;border:0px;border-spacing:0px;border-collapse:separate;margin-right:auto;margin-left:auto;"><tbody><tr style="padding:0px"><td style="padding:2.5%;width:63%;vertical-align:middle">
            <p class="name" style="text-align: center;">Ada Lovelace</p>
            <p>I am a research scientist at <a href="https://deepmind.google">Google DeepMind</a>, where I work on video generation. I did my PhD at <a href="https://www.cam.ac.uk">the University of Cambridge</a>.</p>
            <p style="text-align:center"><a href="mailto:ada@example.org">Email</a> &nbsp;/&nbsp; <a href="data/AdaLovelace-CV.pdf">CV</a> &nbsp;/&nbsp; <a href="https://scholar.google.com/citations?user=abc">Scholar</a> &nbsp;/&nbsp; <a href="https://github.com/ada/">Github</a></p>
            </td><td style="padding:2.5%;width:40%;max-width:40%"><a href="images/Ada.jpg"><img style="width:100%;max-width:100%" alt="profile photo" src="images/Ada_circle.jpg" class="hoverZoomLink"></a></td></tr></tbody></table>
            <table style="width:100%;border:0px;border-spacing:0px;border-collapse:separate;margin-right:auto;margin-left:auto;"><tbody><tr><td style="padding:20px;width:100%;vertical-align:middle">
            <h2>Research</h2>
            <p>I'm interested in computer vision, generative models, and video generation. Representative papers are <span class="highlight">highlighted</span>.</p>
            </td></tr></tbody></table>
            <table style="width:100%;border:0px;border-spacing:0px;border-collapse:separate;margin-right:auto;margin-left:auto;"><tbody>
            <tr onmouseout="motion_stop()" onmouseover="motion_start()" bgcolor="#ffffd0"><td style="padding:20px;width:25%;vertical-align:middle"><div class="one"><div class="two" id='motion_image'><video width=100% muted autoplay loop><source src="images/motion.mp4" type="video/mp4">Your browser does not support the video tag.</video></div><img src='images/motion.jpg' width="160"></div></td>
            <td style="padding:20px;width:75%;vertical-align:middle">
            <a href="https://ada.github.io/motion/"><span class="papertitle">Video Generation with Motion Priors</span></a>
            <br>
            <strong>Ada Lovelace</strong>, <a href="https://turing.example.org">Alan Turing</a>
            <br>
            <em>CVPR</em>, 2024 &nbsp <font color="red"><strong>(Oral Presentation)</strong></font>
            <br>
            <a href="https://ada.github.io/motion/">project page</a> / <a href="https://arxiv.org/abs/2401.00001">arXiv</a> / <a href="https://github.com/ada/motion">code</a>
            <p></p>
            <p>Motion priors learned from optical flow make generated videos move like real ones.</p>
            </td></tr>
            <tr><td style="padding:20px;width:25%;vertical-align:middle"><img src='images/diffusion.jpg' width="160"></td>
            <td style="padding:20px;width:75%;vertical-align:middle">
            <a href="https://arxiv.org/abs/2301.00002"><span class="papertitle">Diffusion Models Beat GANs on Video Synthesis</span></a>
            <br>
            <a href="https://hopper.example.org">Grace Hopper</a>, <strong>Ada Lovelace</strong>, <a href="https://turing.example.org">Alan Turing</a>
            <br>
            <em>ICLR</em>, 2023
            <br>
            <a href="https://arxiv.org/abs/2301.00002">arXiv</a>
            <p></p>
            <p>Diffusion models produce videos that GANs cannot.</p>
            </td></tr>
            </tbody></table>
            <table style="width:100%;border:0px;border-spacing:0px;border-collapse:separate;margin-right:auto;margin-left:auto;"><tbody><tr><td style="padding:0px"><br><p style="text-align:right;font-size:small;">Design and source code from <a href="https://github.com/jonbarron/jonbarron_website">Jon Barron's website</a></p></td></tr></tbody></table>
            </td></tr></table>
            </body></html>
            """;

    [Fact]
    public void A_rendered_al_folio_page_gives_each_paper_once_with_its_venue_year_and_the_owners_place()
    {
        var profile = Read(AlFolio);
        Assert.Equal(
            [
                ("Video Generation with Motion Priors", "CVPR", 2024, 1),
                ("Diffusion Models Beat GANs on Video Synthesis", "ICLR", 2023, 2),
                ("Motion Fields for Animation", "TPAMI", 2023, 2),
            ],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
        Assert.Equal(["Grace Hopper", "Ada Lovelace", "Alan Turing"], profile.Publications[1].Authors);
    }

    [Fact]
    public void A_table_of_papers_gives_the_owner_set_in_bold_and_no_video_fallback_as_a_title()
    {
        var profile = Read(PapersTable);
        Assert.Equal(
            [
                ("Video Generation with Motion Priors", "CVPR", 2024, 1),
                ("Diffusion Models Beat GANs on Video Synthesis", "ICLR", 2023, 2),
            ],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
        Assert.Equal(["Ada Lovelace", "Alan Turing"], profile.Publications[0].Authors);
    }

    private static ExtractedProfile Read(string html) =>
        Extracted.Profile("text/html", html);

    [Fact]
    public void Icon_glyphs_before_an_entry_are_not_emphasis_and_hide_none_of_its_authors()
    {
        // Icon fonts draw with empty <i> elements (<i class="fa fa-file"></i>) before an entry's own bold title.
        const string page = """
            <html><body><h1>Ada Lovelace</h1>
            <h2><i class="fa fa-book"></i> Publications</h2>
            <ul>
            <li><i class="ai ai-arxiv"></i><b>Video Generation with Motion Priors.</b> Ada Lovelace, Alan Turing. <i>CVPR 2024</i>.</li>
            <li><i class="fa fa-file"></i> <strong>Diffusion Models Beat GANs on Video Synthesis.</strong> Grace Hopper, Ada Lovelace. <em>ICLR 2023</em>.</li>
            </ul></body></html>
            """;

        var profile = Extracted.Profile("text/html", page);

        Assert.Equal(
            [("Video Generation with Motion Priors", "CVPR", 1), ("Diffusion Models Beat GANs on Video Synthesis", "ICLR", 2)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.AuthorPosition ?? 0)).ToList());
    }
}
