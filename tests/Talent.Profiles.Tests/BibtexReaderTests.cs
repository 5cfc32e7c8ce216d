using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>BibTeX and biblatex shapes met in real publication lists, one row per shape.</summary>
public sealed class BibtexReaderTests
{
    [Theory]
    // Venue by entry type: an article's journal over a stray booktitle, a paper's booktitle.
    [InlineData("@article{k, title={T}, author={A, B}, booktitle={Afri-Can Forum 2}, journal={BMC Infectious Diseases}, year={2016}}", "BMC Infectious Diseases", 2016)]
    [InlineData("@inproceedings{k, title={T}, author={A, B}, booktitle={Proceedings of the 40th International Conference on Machine Learning}, year=2023}", "ICML", 2023)]
    // ACM exports: the series names the venue when the booktitle's full name is not in the catalog.
    [InlineData("@inproceedings{k, title={T}, author={A, B}, booktitle={Proceedings of the 3rd Conference on Obscure Things}, series = {OBSC '19}, year={2019}}", "OBSC", 2019)]
    // biblatex: journaltitle and date.
    [InlineData("@article{k, title={T}, author={A, B}, journaltitle={Statistics and Computing}, date={2023-05-02}}", "Statistics and Computing", 2023)]
    // Preprints named only by their e-print.
    [InlineData("@misc{k, title={T}, author={A, B}, eprint={2301.00001}, archivePrefix={arXiv}, year={2023}}", "arXiv", 2023)]
    [InlineData("@online{k, title={T}, author={A, B}, eprint={2301.00001}, eprinttype={arxiv}, date={2023}}", "arXiv", 2023)]
    // @string abbreviations, concatenation and the predefined months.
    [InlineData("@string{jias = {Journal of the International AIDS Society}}\n@article{k, title={T}, author={A, B}, journal=jias, year={2015}, month=jun}", "Journal of the International AIDS Society", 2015)]
    [InlineData("@STRING(proc = \"Proceedings of the \")\n@inproceedings{k, title={T}, author={A, B}, booktitle=proc # {16th ACM SIGPLAN International Symposium on Dynamic Languages}, year=2020}", "DLS", 2020)]
    // Parentheses as entry delimiters, quoted values with braces inside, field names in any case.
    [InlineData("@Article(k, Title = \"A {GPU} study\", Author = \"A and B\", Journal = \"{IEEE} Transactions on Parallel and Distributed Systems\", Year = \"2018\")", "TPDS", 2018)]
    public void An_entry_names_its_venue_and_year(string bibtex, string venue, int year)
    {
        var profile = BibtexReader.Read(bibtex, RepoPaths.Catalogs);

        var publication = Assert.Single(Assert.IsType<ExtractedProfile>(profile).Publications);
        Assert.Equal((venue, year), (publication.Venue, publication.Year));
    }

    [Theory]
    [InlineData("@phdthesis{k, title={T}, author={A}, school={Universit{\\'e} Paris Cit{\\'e}}, year={2023}}", 1)]
    [InlineData("@misc{k, title={A poster}, author={A}, howpublished={The 22nd JSSST Workshop on Programming and Programming Languages}, year=2020}", 1)]
    [InlineData("@comment{x}\n@preamble{\"\\newcommand\"}\n@techreport{k, title={T}, author={A}, institution={MIT}, year=2001}", 1)]
    [InlineData("% @inproceedings{old, title={Template entry}, author={Other}, booktitle={ICDE}, year=2021}\n@article{k, title={T}, author={A}, journal={Genetics}, year=2020}", 1)]
    [InlineData("---\n---\n@article{a, title={One}, author={A}, journal={Genetics}, year=2020}\n\n@article{b, title={Two}, author={A}, journal={Genetics}, year=2021}", 2)]
    [InlineData("@incollection\n(\n    k\n    ,\n    author = \"M. Roux\",\n    title = \"A Model\",\n    booktitle = \"Methods of Information in Medicine\",\n    year = 1995\n)\n@article {b, title={Two}, author={A}, journal={Genetics}, year=2021}", 2)]
    public void Every_entry_is_one_publication(string bibtex, int count)
    {
        var profile = BibtexReader.Read(bibtex, RepoPaths.Catalogs);

        Assert.Equal(count, Assert.IsType<ExtractedProfile>(profile).Publications.Count);
    }

    [Fact]
    public void An_entrys_abstract_is_its_papers_and_topics_repeated_across_abstracts_are_the_owners()
    {
        const string bibtex = """
            @inproceedings{a, title={Motion Priors}, author={Lovelace, Ada and Turing, Alan}, booktitle={CVPR}, year={2024},
              abstract={We learn motion priors for {\em video generation} from optical flow.}}
            @inproceedings{b, title={Sketches to Clips}, author={Lovelace, Ada}, booktitle={ECCV}, year={2022},
              abstract={Video generation from sparse sketches.}}
            @article{c, title={Counting Sheep}, author={Lovelace, Ada}, journal={Genetics}, year={2020}}
            """;

        var profile = Assert.IsType<ExtractedProfile>(BibtexReader.Read(bibtex, RepoPaths.Catalogs));

        Assert.Equal(["We learn motion priors for video generation from optical flow.", "Video generation from sparse sketches.", null], profile.Publications.Select(p => p.Abstract));
        Assert.Contains("video generation", profile.Topics, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_thesis_counts_but_names_no_venue()
    {
        var profile = BibtexReader.Read("@phdthesis{k, title={T}, author={A}, school={Some University}, year={2023}}", RepoPaths.Catalogs);

        var thesis = Assert.Single(Assert.IsType<ExtractedProfile>(profile).Publications);
        Assert.Null(thesis.Venue);
        Assert.Equal(2023, thesis.Year);
    }

    [Theory]
    [InlineData("Poon, A and Smith, J|Poon, Art and Jones, K|Lee, B and Poon, Art F Y", "Art F Y Poon", 1)]
    [InlineData("Den{\\'e}ch{\\`e}re, R{\\'e}my and Roe, J|Doe, J and Den{\\'e}ch{\\`e}re, R{\\'e}my", "Rémy Denéchère", 1)]
    [InlineData("Yusuke Izawa AND Hidehiko Masuhara|Izawa, Yusuke and Masuhara, Hidehiko and Cong, Youyou|Takahashi, S and Izawa, Yusuke", "Yusuke Izawa", 1)]
    public void The_owner_is_the_author_of_most_entries_whatever_the_spelling(string authorLists, string owner, int firstPosition)
    {
        var bibtex = string.Join('\n', authorLists.Split('|').Select((a, i) => $"@article{{k{i}, title={{Paper {i}}}, author={{{a}}}, journal={{Genetics}}, year=2020}}"));

        var profile = Assert.IsType<ExtractedProfile>(BibtexReader.Read(bibtex, RepoPaths.Catalogs));

        Assert.Equal(owner, profile.Name);
        Assert.Equal(firstPosition, profile.Publications[0].AuthorPosition);
    }

    [Fact]
    public void And_others_says_more_authors_follow_the_last_named()
    {
        var bibtex = "@article{a, title={One}, author={Lovelace, Ada and Turing, Alan and others}, journal={Genetics}, year=2020}\n"
            + "@article{b, title={Two}, author={Turing, Alan and Lovelace, Ada}, journal={Genetics}, year=2021}";

        var profile = Assert.IsType<ExtractedProfile>(BibtexReader.Read(bibtex, RepoPaths.Catalogs));

        Assert.Equal([true, false], profile.Publications.Select(p => p.MoreAuthors));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], profile.Publications[0].Authors);
    }

    [Fact]
    public void A_biblatex_highlight_marks_the_owner()
    {
        const string bibtex = """
            @article{a, author = {Nag, Anish and Ma, Jeffrey Jian and Wall, Dennis}, author+an = {2=highlight}, title = {One}, journal = {Genetics}, year = {2020}}
            @article{b, author = {Nag, Anish and Ma, Jeffrey Jian}, author+an = {2=highlight}, title = {Two}, journal = {Genetics}, year = {2020}}
            """;

        var profile = Assert.IsType<ExtractedProfile>(BibtexReader.Read(bibtex, RepoPaths.Catalogs));

        Assert.Equal("Jeffrey Jian Ma", profile.Name);
        Assert.All(profile.Publications, p => Assert.Equal(2, p.AuthorPosition));
    }

    [Theory]
    [InlineData("%% Created for Arthur Poon at 2018-11-01 22:14:38 -0400\n", "Arthur Poon")]
    [InlineData("%% Created for Someone Else at 2018-11-01\n", "Art Poon")]
    public void A_reference_manager_header_names_the_owner_when_it_is_the_same_person(string header, string name)
    {
        var bibtex = header + "@article{a, author={Poon, Art and Lee, B}, title={One}, journal={Genetics}, year=2020}\n@article{b, author={Poon, A}, title={Two}, journal={Genetics}, year=2021}";

        Assert.Equal(name, BibtexReader.Read(bibtex, RepoPaths.Catalogs)?.Name);
    }

    [Theory]
    [InlineData("{Barnes and Noble} and Smith, John", "Barnes and Noble|John Smith")]
    [InlineData("Smith, Jr, John and Doe, Jane", "John Smith Jr|Jane Doe")]
    public void Author_lists_split_on_and_outside_braces(string field, string expected) =>
        Assert.Equal(expected, string.Join('|', BibtexReader.Authors(field)));

    [Theory]
    [InlineData("@article{k, title={never closed")]
    [InlineData("@article{k, title=\"never closed")]
    [InlineData("@@@@{{{{,,,,====")]
    public void Broken_input_ends_without_error(string start)
    {
        var hostile = start + new string('{', 100_000) + string.Concat(Enumerable.Repeat("@a{", 20_000));

        var profile = BibtexReader.Read(hostile, RepoPaths.Catalogs);

        Assert.True(profile is null || profile.Publications.Count <= BibtexReader.MaxEntries);
    }

    [Fact]
    public void Abbreviations_joined_from_each_other_stop_at_a_budget_linear_in_the_document()
    {
        // Each definition joins the one before with itself: sixty of them would make 2^60 characters.
        var bibtex = "@string{a0 = {Journal of }}\n"
            + string.Concat(Enumerable.Range(0, 60).Select(i => $"@string{{a{i + 1} = a{i} # a{i}}}\n"))
            + "@article{k, title={A title}, author={A, B}, journal=a60, year=2020}\n"
            + "@article{j, title={Another title}, author={A, B}, journal=a0 # {Things}, year=2021}";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var profile = BibtexReader.Read(bibtex, RepoPaths.Catalogs);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(profile);
        Assert.Equal(2, profile.Publications.Count);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / 1048576.0:0} MB allocated for {bibtex.Length} characters");
    }
}
