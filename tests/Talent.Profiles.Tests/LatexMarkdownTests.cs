using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>LaTeX CV notations and the markdown a person would write for them, one row each.</summary>
public sealed class LatexMarkdownTests
{
    [Theory]
    [InlineData(@"\cventry{2019--2021}{Title}{Employer}{City}{}{}", "- **Title**, Employer, City, 2019–2021")]
    [InlineData(@"\cventry{2015--2020}{Ph.D. in Physics}{Stanford University}{Palo Alto}{}{Thesis on waves}", "- **Ph.D. in Physics**, Stanford University, Palo Alto, 2015–2020\n  - Thesis on waves")]
    [InlineData(@"\cventry{2015--2020}{M.Sc.}{ETH Zurich}{Zurich}{GPA 5.8}{}", "- **M.Sc.**, ETH Zurich, Zurich, 2015–2020, GPA 5.8")]
    [InlineData(@"\cventry{Engineer}{Acme}{Berlin}{2020 -- Present}{\begin{cvitems}\item Built it\end{cvitems}}", "- **Engineer**, Acme, Berlin, 2020 – Present\n  - Built it")]
    [InlineData(@"\cvevent{Engineer}{Acme}{2019 -- 2021}{Oslo}", "- **Engineer**, Acme, Oslo, 2019 – 2021")]
    [InlineData(@"\begin{entrylist}\entry{2015--2019}{BSc Physics}{Heidelberg University}{Thesis}\end{entrylist}", "- **BSc Physics**, Heidelberg University, 2015–2019\n  - Thesis")]
    [InlineData(@"\entry{Data Scientist}{2018 -- 2022}", "- **Data Scientist**, 2018 – 2022")]
    [InlineData(@"\twentyitem{2014 -- 2016}{M.Sc.}{Oxford}{Thesis}", "- **M.Sc.**, Oxford, 2014 – 2016\n  - Thesis")]
    [InlineData(@"\entry{09/18}{A\&A}{Doe, J.}{Title}", "- **A&A**, Doe, J., 09/18\n  - Title")]
    [InlineData(@"\cvitem{Languages}{Python, C/C++, CUDA}", "- **Languages**: Python, C/C++, CUDA")]
    [InlineData(@"\cvline{-}{Web development}", "- Web development")]
    [InlineData(@"\cvlistitem{Docker and Kafka}", "- Docker and Kafka")]
    [InlineData(@"\cvitemwithcomment{Native}{Spanish}{}", "- **Native**: Spanish")]
    [InlineData(@"\cvskill{Programming}{Python, Go}", "- **Programming**: Python, Go")]
    [InlineData(@"\begin{rSubsection}{Acme}{2019 - 2021}{Engineer}{Berlin}\item Built it\end{rSubsection}", "- **Engineer**, Acme, Berlin, 2019 - 2021\n  - Built it")]
    [InlineData(@"\cvtag{Python}\cvtag{C++}\cvtag{Docker}", "Python, C++, Docker")]
    [InlineData(@"\ecvtitle{2002 -- 2004}{Consultant}\ecvitem{}{Acme Ltd\newline 3 Main Street, Dublin}", "- **Consultant**, Acme Ltd, 2002 – 2004\n  - 3 Main Street, Dublin")]
    [InlineData(@"\ecvtitlelevel{1997--2001}{PhD in Sociology}{ISCED 6}\ecvitem{}{Trinity College Dublin}", "- **PhD in Sociology**, Trinity College Dublin, 1997–2001")]
    [InlineData(@"\ecvtitle{2002}{Consultant}\ecvitem{Sector}{Youth work}", "- **Consultant**, 2002\n\n- **Sector**: Youth work")]
    [InlineData(@"\ecvitem[10pt]{Computer skills}{Python, R}", "- **Computer skills**: Python, R")]
    [InlineData(@"\resemployer{Acme Corp}{Berlin, Germany}", "Acme Corp, Berlin, Germany")]
    [InlineData(@"\resjob{Senior Engineer}{2019}{2021}", "Senior Engineer, 2019, 2021")]
    public void Cv_class_entries_become_one_list_item(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Theory]
    [InlineData(@"\section{Education}", "## Education")]
    [InlineData(@"\section*{Skills}", "## Skills")]
    [InlineData(@"\subsection{Journal papers}", "### Journal papers")]
    [InlineData(@"\begin{rSection}{Experience}\end{rSection}", "## Experience")]
    [InlineData(@"\subsection{Peking University}[Beijing, China]", "### Peking University\n\nBeijing, China")]
    [InlineData(@"\begin{itemize}\item A\begin{itemize}\item B\end{itemize}\end{itemize}", "- A\n  - B")]
    [InlineData(@"\begin{enumerate}[leftmargin=*]\item First\end{enumerate}", "- First")]
    [InlineData(@"\begin{description}\item[\textit{Languages}:] Python, Go\end{description}", "- **Languages**: Python, Go")]
    [InlineData("\\begin{itemize}\\item First\n\nSecond\\end{itemize}", "- First\n  Second")]
    [InlineData(@"\begin{thebibliography}{9}\bibitem{k1} A. Author. Title. 2020.\end{thebibliography}", "- A. Author. Title. 2020.")]
    [InlineData(@"\begin{itemize}\item{\textbf{Languages}{: Java, C} \\ \textbf{Tools}{: Git}}\end{itemize}", "- **Languages**: Java, C\n  **Tools**: Git")]
    [InlineData(@"\begin{itemize}\item[--] Dash \item[$\bullet$] Dot\end{itemize}", "- Dash\n- Dot")]
    [InlineData(@"\cvsubsection{Journal papers}", "### Journal papers")]
    [InlineData(@"\resheading{Education}", "## Education")]
    [InlineData(@"\addsec{Ausbildung}\minisec{Studium}", "## Ausbildung\n\n### Studium")]
    [InlineData(@"\ecvsection{Work experience}", "## Work experience")]
    [InlineData(@"\addheadertext{Skills}", "## Skills")]
    [InlineData(@"\addsubheader{Office Manager, ACME Inc.}", "### Office Manager, ACME Inc.")]
    [InlineData(@"\resheading{A paragraph \\ on two lines}", "A paragraph\non two lines")]
    [InlineData(@"\begin{cvlist}{Education}\item[2019--2021] MSc Physics\end{cvlist}", "## Education\n\n- **2019–2021**: MSc Physics")]
    [InlineData(@"\begin{rubrique}{Formation initiale}Text\end{rubrique}", "## Formation initiale\n\nText")]
    [InlineData(@"\begin{otherlanguage}{german}Text\end{otherlanguage}", "Text")]
    [InlineData(@"\begin{adjustwidth}{1cm}{}Text\end{adjustwidth}", "Text")]
    [InlineData(@"\begin{wrapfigure}{r}Text\end{wrapfigure}", "Text")]
    public void Headings_and_lists_become_markdown_structure(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Theory]
    [InlineData(@"\textbf{Bold} and \emph{it}", "**Bold** and *it*")]
    [InlineData(@"{\bf University of Oslo} \hfill {\em 2019}", "**University of Oslo** · *2019*")]
    [InlineData(@"\href{https://ada.org/}{Ada's site}", "[Ada's site](https://ada.org/)")]
    [InlineData(@"\url{https://ada.org/a\_b}", "https://ada.org/a_b")]
    [InlineData(@"\href{mailto:ada@x.org}{\textbf{ada@}\\x.org}", "[**ada@**x.org](mailto:ada@x.org)")]
    [InlineData(@"J{\""u}lich, Agust\'in, Fran\c{c}ois", "Jülich, Agustín, François")]
    [InlineData(@"``Quoted title''", "\"Quoted title\"")]
    [InlineData(@"\fcolorbox{white}{gray}{\parbox{0.5cm}{Boxed}}", "Boxed")]
    [InlineData(@"\makefield{\faEnvelope}{Text}", "Text")]
    [InlineData(@"\begin{tabular}{ll}Languages & Python, Java \\ Tools & Git, Docker\end{tabular}", "- **Languages**: Python, Java\n- **Tools**: Git, Docker")]
    [InlineData(@"\begin{tabular}{lr}\textbf{MIT} & 2019\\\hline\end{tabular}", "**MIT** · 2019")]
    [InlineData(@"\begin{itemize}\item\begin{tabular*}{\textwidth}{l@{\extracolsep{\fill}}r}\textbf{MIT} & Cambridge \\ \textit{Ph.D.} & 2019 -- 2024\\\end{tabular*}\end{itemize}", "- **MIT**, Cambridge, *Ph.D.*, 2019 – 2024")]
    public void Inline_notations_keep_emphasis_links_and_characters(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Fact]
    public void Commands_that_style_headings_are_no_headings()
    {
        var markdown = LatexText.ToMarkdown(@"\setHeadingColours{SlateGray3}\setSectionAlignment{left}\sectionfont{Large}\newHeading{Core Skills}");

        Assert.Equal(["## Core Skills"], markdown.Split('\n').Where(line => line.StartsWith('#')));
    }

    [Theory]
    [InlineData("a % comment\nb", "a b")]
    [InlineData(@"A \iffalse hidden \fi B", "A B")]
    [InlineData(@"\iffalse hidden \else shown\fi", "shown")]
    [InlineData(@"\iffalse \ifx\a\b x \fi hidden \fi shown", "shown")]
    [InlineData("\\begin{comment}\nTemplate text\n\\end{comment}Kept", "Kept")]
    [InlineData(@"50\% of it", "50% of it")]
    public void Comments_and_false_branches_are_dropped(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Theory]
    [InlineData(@"\newcommand{\entryline}[2]{\item \textbf{#1}, #2}\begin{itemize}\entryline{MIT}{2019}\end{itemize}", "- **MIT**, 2019")]
    [InlineData(@"\newcommand{\role}[2][Engineer]{#1 at #2}\role{Acme}", "Engineer at Acme")]
    [InlineData(@"\newcommand{\role}[2][Engineer]{#1 at #2}\role[Lead]{Acme}", "Lead at Acme")]
    [InlineData(@"\renewcommand*\sub[1]{\textit{\small#1}}\sub{Ph.D.}", "*Ph.D.*")]
    [InlineData(@"\def\uni#1{University of #1}\uni{Oslo}", "University of Oslo")]
    [InlineData(@"\newcommand{\me}{Ada}\newcommand{\line}{\me{} wrote}\line", "Ada wrote")]
    [InlineData(@"\newenvironment{jobs}{\begin{itemize}}{\end{itemize}}\begin{jobs}\item Acme\end{jobs}", "- Acme")]
    [InlineData(@"\newcommand{\resumeSubItem}[2]{\item \textbf{#1}: #2}\begin{itemize}\resumeSubItem{Languages}{Python, R}\end{itemize}", "- **Languages**: Python, R")]
    public void The_documents_own_macros_are_expanded(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Theory]
    [InlineData(@"\documentclass{moderncv}\name{Ada}{Lovelace}\email{ada@x.org}\begin{document}\end{document}", "# Ada Lovelace\n\n[ada@x.org](mailto:ada@x.org)")]
    [InlineData(@"\documentclass{moderncv}\firstname{Agust\'in}\familyname{Pivetta}\begin{document}\makecvtitle\end{document}", "# Agustín Pivetta")]
    [InlineData(@"\documentclass{mycv}\name[Li Wei]{Li Wei~\normalsize{PhD}}\begin{document}\end{document}", "# Li Wei")]
    [InlineData(@"\documentclass{cv}\begin{document}\header{Ada}{ Lovelace}{mathematician}\end{document}", "# Ada Lovelace\n\nmathematician")]
    [InlineData(@"\documentclass{article}\begin{document}{\LARGE\bfseries Ada Lovelace, Analyst}\section{Education}\end{document}", "# Ada Lovelace\n\nAnalyst\n\n## Education")]
    [InlineData(@"\documentclass{article}\begin{document}\textbf{\href{https://ada.org/}{\Large Ada Lovelace}} & x\section{Education}\end{document}", "# Ada Lovelace\n\n**[Ada Lovelace](https://ada.org/)** x\n\n## Education")]
    [InlineData("\\documentclass{curve}\\leftheader{{\\LARGE Ada Lovelace}\n\n\\makefield{}{\\url{https://ada.org}}}\\begin{document}\\end{document}", "# Ada Lovelace\n\nhttps://ada.org")]
    [InlineData(@"\documentclass{moderncv}\name{Ada}{Lovelace}\phone[mobile]{+44 1234}\homepage{ada.org}\social[github]{ada}\address{1 Road}{London}\begin{document}\end{document}", "# Ada Lovelace\n\nPhone: +44 1234\nHomepage: [ada.org](https://ada.org)\n[ada](https://github.com/ada)\n1 Road, London")]
    [InlineData(@"\documentclass{article}\author{Ada Lovelace}\begin{document}\maketitle Text\end{document}", "# Ada Lovelace\n\nText")]
    [InlineData(@"\documentclass{article}\begin{document}\begin{center}\textbf{\Huge \scshape Jake Ryan} \\ \vspace{1pt} \small 123-456-7890 $|$ \href{mailto:jake@su.edu}{\underline{jake@su.edu}}\end{center}\end{document}", "# Jake Ryan\n\n123-456-7890 | [jake@su.edu](mailto:jake@su.edu)")]
    [InlineData(@"\documentclass{deedy}\begin{document}\namesection{Ada}{Lovelace}{\href{mailto:ada@x.org}{ada@x.org}}\end{document}", "# Ada Lovelace\n\n[ada@x.org](mailto:ada@x.org)")]
    [InlineData(@"\documentclass{article}\title{Ada Lovelace}\begin{document}\maketitle\end{document}", "# Ada Lovelace")]
    [InlineData(@"\documentclass{moderncv}\name{Ada}{Lovelace}\title{Analyst}\begin{document}\end{document}", "# Ada Lovelace\n\nAnalyst")]
    [InlineData(@"\documentclass{twentysecondcv}\cvname{Ada Lovelace}\cvjobtitle{Analyst}\cvmail{ada@x.org}\cvsite{ada.org}\begin{document}\end{document}", "# Ada Lovelace\n\nAnalyst\n[ada@x.org](mailto:ada@x.org)\nHomepage: [ada.org](https://ada.org)")]
    [InlineData(@"\documentclass{europasscv}\ecvname{Katie Smith}\ecvemail{k@x.org another@y.org}\ecvhomepage{www.k.org}\ecvmobile{+353 555}\ecvnationality{Irish}\begin{document}\end{document}", "# Katie Smith\n\n[k@x.org](mailto:k@x.org)\n[another@y.org](mailto:another@y.org)\nHomepage: [www.k.org](https://www.k.org)\nPhone: +353 555")]
    [InlineData(@"\documentclass{komacv}\renewcommand*{\firstname}{Jane}\renewcommand*{\familyname}{Eyre}\renewcommand*{\email}{jane@x.org}\begin{document}\maketitle\end{document}", "# Jane Eyre\n\n[jane@x.org](mailto:jane@x.org)")]
    [InlineData(@"\documentclass{article}\newcommand{\email}{\href{mailto:a@x.org}{a@x.org}}\begin{document}\email\end{document}", "[a@x.org](mailto:a@x.org)")]
    public void The_name_and_contact_lines_come_first(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Theory]
    [InlineData(@"\documentclass{article}\usepackage[ngerman]{babel}\begin{document}Universit""at D""usseldorf, Stra""se, E""~Mail, ""`Titel""', Ent""-wicklung\end{document}", "Universität Düsseldorf, Straße, E-Mail, „Titel“, Entwicklung")]
    [InlineData(@"\documentclass[a4paper,german]{scrartcl}\usepackage{babel}\begin{document}M""unchen\end{document}", "München")]
    [InlineData(@"\documentclass{article}\usepackage{ngerman}\begin{document}K""oln\end{document}", "Köln")]
    [InlineData(@"\documentclass{article}\usepackage[ngerman]{babel}\begin{document}J{\""u}lich\end{document}", "Jülich")]
    [InlineData(@"\documentclass{article}\usepackage[english]{babel}\begin{document}A ""quoted"" word\end{document}", "A \"quoted\" word")]
    public void Babels_german_shorthands_are_letters_only_where_the_document_asks_for_german(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Fact]
    public void Braces_nested_past_the_limit_are_read_as_plain_text()
    {
        var latex = new string('{', 100_000) + "Deep" + new string('}', 100_000) + " after";

        Assert.Equal("Deep after", LatexText.ToMarkdown(latex));
    }

    [Theory]
    [InlineData("\\section{Education\nPhD, MIT, 2015\n\n\\section{Skills}\nPython", "## Education\n\nPhD, MIT, 2015\n\n## Skills\n\nPython")]
    [InlineData("\\cvitem{Languages}{Python, Go\n\\cvitem{Tools}{Git}", "- **Languages**: Python, Go\n\n- **Tools**: Git")]
    [InlineData("\\begin{itemize}{Degrees\n\\item PhD, MIT\n\\end{itemize}\nAfter", "- PhD, MIT\nAfter")]
    [InlineData("\\textbf{Bold\nNext line", "**Bold** Next line")]
    [InlineData("\\textbf{Bold", "**Bold**")]
    [InlineData("\\newcommand{\\myname}{Jane Roe\n\\section{Skills}\nPython", "## Skills\n\nPython")]
    [InlineData("\\def\\myname{Jane Roe\n\\section{Skills}\nPython", "## Skills\n\nPython")]
    [InlineData("\\newcommand{\\hide}[1]{}\n\\hide{Draft\n\\section{Skills}\nPython", "## Skills\n\nPython")]
    [InlineData("Skills: Python, Go\n\\def\\x\nRust, Kafka", "Skills: Python, Go\n\nRust, Kafka")]
    public void An_argument_whose_brace_never_closes_ends_with_its_line_and_the_rest_is_read(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex));

    [Fact]
    public void Thousands_of_arguments_whose_braces_never_close_are_each_read_to_their_line_end()
    {
        var latex = @"\section{Skills}" + "\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"\\cvitem{{Skill {i}}}{{Rust\n"));

        var items = LatexText.ToMarkdown(latex).Split('\n').Count(line => line.StartsWith("- **Skill ", StringComparison.Ordinal) && line.EndsWith("**: Rust", StringComparison.Ordinal));

        Assert.Equal(20_000, items);
    }

    [Fact]
    public void Thousands_of_nested_uses_stop_at_the_budget_of_text_made_by_expansion()
    {
        var latex = @"\newcommand{\a}[1]{#1#1}" + string.Concat(Enumerable.Repeat(@"\a{", 20_000)) + "Text" + new string('}', 20_000);

        var markdown = LatexText.ToMarkdown(latex);

        Assert.Contains("Text", markdown, StringComparison.Ordinal);
        Assert.True(markdown.Length <= 2 * LatexMacros.OutputLimit(latex.Length), $"{markdown.Length} characters");
    }

    [Fact]
    public void Heading_commands_whose_braces_never_close_are_read_once_each()
    {
        // Each unclosed argument holds the rest of the document: read as a heading and again as text, the work doubled
        // at every one (20 of them: 1.4 GB allocated; 26, 108 GB and minutes).
        var latex = @"\section{Education}" + "\n" + string.Concat(Enumerable.Repeat("\\resumeSubheading\n  {Helmholtz Association \\resumeItemListEnd\n", 20)) + "end";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var markdown = LatexText.ToMarkdown(latex);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("Helmholtz Association", markdown, StringComparison.Ordinal);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / 1048576.0:0} MB allocated for {latex.Length} characters");
    }

    [Fact]
    public void Lists_nested_thousands_deep_keep_each_item_line_short()
    {
        // Each item was indented by its depth: 20,000 nested lists made 400 million spaces.
        var latex = @"\section{Skills}" + "\n" + string.Concat(Enumerable.Repeat("\\begin{itemize}\\item Rust ", 20_000)) + string.Concat(Enumerable.Repeat("\\end{itemize}", 20_000));

        var markdown = LatexText.ToMarkdown(latex);

        Assert.Contains("- Rust", markdown, StringComparison.Ordinal);
        Assert.True(markdown.Length < 4 * latex.Length, $"{markdown.Length} characters from {latex.Length}");
    }

    [Theory]
    [InlineData(@"\newcommand{\a}{\a\a}\a Text")]
    [InlineData(@"\def\a{\a}\a Text")]
    [InlineData(@"\newcommand{\a}[1]{#1#1#1#1}\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{Text}}}}}}}}}}}}")]
    [InlineData(@"\newcommand{\a}[1]{#1#1#1#1#1#1#1#1#1#1#1#1#1#1#1#1#1#1#1#1}\a{\a{\a{\a{\a{\a{Text Text Text Text Text Text}}}}}}")]
    public void Runaway_macros_stop_at_the_expansion_limit(string latex)
    {
        var markdown = LatexText.ToMarkdown(latex);

        Assert.Contains("Text", markdown, StringComparison.Ordinal);
        Assert.True(markdown.Length <= 2 * LatexMacros.OutputLimit(latex.Length), $"{markdown.Length} characters");
    }
}
