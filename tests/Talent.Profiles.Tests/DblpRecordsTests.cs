using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// dblp's XML of a person (<c>https://dblp.org/pid/….xml</c>) and dblp record lists: the records' own fields give every
/// publication, and dblp's person ids give the owner's place in each author list.
/// </summary>
public sealed class DblpRecordsTests
{
    private const string Person = """
        <?xml version="1.0" encoding="US-ASCII"?>
        <dblpperson name="Ada Lovelace 0002" pid="123/4567-2" n="5">
        <person key="homepages/123/4567-2" mdate="2024-11-02">
        <author pid="123/4567-2">Ada Lovelace 0002</author>
        <author pid="123/4567-2">Augusta Ada King</author>
        <note type="affiliation">Stanford University, Computer Science Department, CA, USA</note>
        <note type="affiliation" label="former">Google DeepMind, London, UK</note>
        <url>https://ada.example.org/</url>
        <url>https://scholar.google.com/citations?user=ABCDEF</url>
        </person>
        <r><inproceedings key="conf/cvpr/LovelaceT24" mdate="2024-06-01">
        <author pid="123/4567-2" orcid="0000-0003-1111-2222">Ada Lovelace 0002</author>
        <author pid="t/AlanTuring">Alan Turing</author>
        <title>Video Generation with <i>Motion</i> Priors.</title>
        <pages>100-110</pages>
        <year>2024</year>
        <booktitle>CVPR</booktitle>
        <ee>https://doi.org/10.1109/CVPR.2024.001</ee>
        <crossref>conf/cvpr/2024</crossref>
        <url>db/conf/cvpr/cvpr2024.html#LovelaceT24</url>
        </inproceedings>
        </r>
        <r><article key="journals/corr/abs-2401-00001" mdate="2024-01-10" publtype="informal">
        <author pid="h/GraceHopper">Grace Hopper</author>
        <author pid="123/4567-1">Ada Lovelace 0001</author>
        <author pid="123/4567-2">Ada Lovelace 0002</author>
        <title>Sparse Attention for Long Video Understanding.</title>
        <year>2024</year>
        <volume>abs/2401.00001</volume>
        <journal>CoRR</journal>
        <ee type="oa">https://doi.org/10.48550/arXiv.2401.00001</ee>
        </article>
        </r>
        <r><article key="journals/pami/TuringL23" mdate="2023-03-01">
        <author pid="t/AlanTuring">Alan Turing</author>
        <author pid="123/4567-2">Augusta Ada King</author>
        <author pid="h/GraceHopper">Grace H&ouml;pper</author>
        <title>Motion Fields for Animation.</title>
        <pages>1-12</pages>
        <year>2023</year>
        <volume>45</volume>
        <journal>IEEE Trans. Pattern Anal. Mach. Intell.</journal>
        <number>3</number>
        </article>
        </r>
        <r><proceedings key="conf/iclr/2023w" mdate="2023-05-01">
        <editor pid="123/4567-2">Ada Lovelace 0002</editor>
        <title>Workshop Proceedings of ICLR 2023.</title>
        <booktitle>ICLR Workshops</booktitle>
        <year>2023</year>
        </proceedings>
        </r>
        <r><phdthesis key="phd/Lovelace20" mdate="2020-09-01">
        <author pid="123/4567-2">Ada Lovelace 0002</author>
        <title>Learning to Animate.</title>
        <school>University of Cambridge, UK</school>
        <year>2020</year>
        </phdthesis>
        </r>
        <coauthors n="2" nc="1">
        <co c="0"><na f="h/Hopper:Grace" pid="h/GraceHopper">Grace Hopper</na></co>
        <co c="0"><na f="t/Turing:Alan" pid="t/AlanTuring">Alan Turing</na></co>
        </coauthors>
        </dblpperson>
        """;

    [Fact]
    public void A_person_page_gives_each_work_with_its_venue_year_and_the_owners_place_by_person_id()
    {
        var profile = Extracted.Profile("application/xml", Person);

        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal(["Augusta Ada King"], profile.AlternateNames);
        Assert.Equal(
            [
                ("Video Generation with Motion Priors", "CVPR", 2024, PublicationKind.Conference, 1),
                // A namesake ("Ada Lovelace 0001") stands before her in the list: her place comes from her person id.
                ("Sparse Attention for Long Video Understanding", "arXiv", 2024, PublicationKind.Preprint, 3),
                ("Motion Fields for Animation", "TPAMI", 2023, PublicationKind.Journal, 2),
                ("Learning to Animate", null, 2020, PublicationKind.Unknown, 1),
            ],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.Kind, p.AuthorPosition ?? 0)).ToList());
        Assert.Equal(["Grace Hopper", "Ada Lovelace", "Ada Lovelace"], profile.Publications[1].Authors);
        Assert.Equal(["Alan Turing", "Augusta Ada King", "Grace Höpper"], profile.Publications[2].Authors);
        Assert.DoesNotContain(profile.Publications, p => p.Title.Contains("Proceedings", StringComparison.Ordinal));
    }

    [Fact]
    public void A_person_page_gives_the_affiliations_and_links_the_person_record_holds()
    {
        var profile = Extracted.Profile("application/xml", Person);

        Assert.Equal("Stanford University, Computer Science Department, CA, USA", profile.Headline);
        Assert.Equal([("Stanford University", "present"), ("Google DeepMind", null)], profile.Experience.Select(e => (e.Organization, e.End)).ToList());
        Assert.Equal(["ada.example.org"], profile.Homepages);
        Assert.Contains("dblp.org/pid/123/4567-2", profile.Links);
        Assert.Contains("scholar.google.com/citations?user=ABCDEF", profile.Links);
        // The person record lists no ORCID; a record names hers on her author entry.
        Assert.Contains("orcid.org/0000-0003-1111-2222", profile.Links);
        Assert.Contains("video generation", profile.Topics, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_record_list_without_a_person_is_the_most_frequent_authors()
    {
        const string records = """
            <dblp>
            <article key="a"><author>Grace Hopper</author><author>Alan Turing</author><title>One.</title><journal>Nat. Mach. Intell.</journal><year>2021</year></article>
            <inproceedings key="b"><author>Alan Turing</author><title>Two.</title><booktitle>NeurIPS</booktitle><year>2022</year></inproceedings>
            </dblp>
            """;

        var profile = Extracted.Profile("text/plain", records);

        Assert.Equal("Alan Turing", profile.Name);
        Assert.Equal([(2, "Nature Machine Intelligence"), (1, "NeurIPS")], profile.Publications.Select(p => (p.AuthorPosition ?? 0, p.Venue)).ToList());
    }

    [Fact]
    public void A_person_page_whose_records_have_no_wrapper_gives_them_too()
    {
        const string person = """
            <dblpperson name="Alan Turing" pid="t/AT">
            <inproceedings key="a"><author pid="g/GH">Grace Hopper</author><author pid="t/AT">Alan Turing</author><title>One.</title><booktitle>NeurIPS</booktitle><year>2022</year></inproceedings>
            <r><article key="b"><author pid="t/AT">Alan Turing</author><title>Two.</title><journal>Nat. Mach. Intell.</journal><year>2021</year></article></r>
            </dblpperson>
            """;

        var profile = Extracted.Profile("application/xml", person);

        Assert.Equal([("One", 2), ("Two", 1)], profile.Publications.Select(p => (p.Title, p.AuthorPosition ?? 0)).ToList());
    }

    [Fact]
    public void An_xml_file_is_read_as_xml_and_plain_text_that_starts_as_xml_is_too()
    {
        Assert.Equal(DocumentReading.Xml, DocumentFormats.ForFile("ada.xml", "<?xml"u8).Reading);
        Assert.Equal("Ada Lovelace", Extracted.Profile("text/plain", Person).Name);
        Assert.Equal("Ada Lovelace", Extracted.Profile("text/xml", Person).Name);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><dblpperson name=\"A\"><r><article><title>T</article></r></dblpperson>", "XML document is not well-formed (line 1")]
    [InlineData("<?xml version=\"1.0\"?><europass><name>Ada</name></europass>", "XML document <europass> is not one Talent reads")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><dblp><article><author>&b;</author><title>T</title></article></dblp>", "XML document is not well-formed")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"file:///etc/passwd\"><dblp><article><author>&ext;</author><title>T</title></article></dblp>", "XML document is not well-formed")]
    public void Xml_that_is_broken_hostile_or_of_another_kind_is_refused_with_a_reason(string xml, string reason)
    {
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("test", "application/xml", xml));

        Assert.StartsWith(reason, Assert.IsType<ExtractionResult.Rejected>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_nested_deeper_than_any_record_is_refused_in_linear_time()
    {
        var depth = 200_000;
        var xml = "<dblp>" + string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth))
            + "<article><author>Ada Lovelace</author><title>Deep.</title><journal>Genetics</journal><year>2020</year></article></dblp>";

        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("test", "application/xml", xml));

        Assert.Equal($"XML document nests elements more than {XmlText.MaxDepth} levels deep", Assert.IsType<ExtractionResult.Rejected>(result).Reason);
    }
}
