namespace Talent.Profiles.Tests;

/// <summary>An ORCID record as ORCID's public API (v3.0) gives it in XML: person, affiliations and works, by their fields.</summary>
public sealed class OrcidRecordTests
{
    private const string Record = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <record:record path="/0000-0002-1825-0097" xmlns:internal="http://www.orcid.org/ns/internal" xmlns:education="http://www.orcid.org/ns/education" xmlns:employment="http://www.orcid.org/ns/employment" xmlns:work="http://www.orcid.org/ns/work" xmlns:researcher-url="http://www.orcid.org/ns/researcher-url" xmlns:email="http://www.orcid.org/ns/email" xmlns:other-name="http://www.orcid.org/ns/other-name" xmlns:keyword="http://www.orcid.org/ns/keyword" xmlns:common="http://www.orcid.org/ns/common" xmlns:person="http://www.orcid.org/ns/person" xmlns:personal-details="http://www.orcid.org/ns/personal-details" xmlns:activities="http://www.orcid.org/ns/activities" xmlns:record="http://www.orcid.org/ns/record">
            <common:orcid-identifier>
                <common:uri>https://orcid.org/0000-0002-1825-0097</common:uri>
                <common:path>0000-0002-1825-0097</common:path>
                <common:host>orcid.org</common:host>
            </common:orcid-identifier>
            <person:person path="/0000-0002-1825-0097/person">
                <person:name visibility="public" path="0000-0002-1825-0097">
                    <personal-details:given-names>Ada</personal-details:given-names>
                    <personal-details:family-name>Quillfeather</personal-details:family-name>
                </person:name>
                <other-name:other-names path="/0000-0002-1825-0097/other-names">
                    <other-name:other-name visibility="public"><other-name:content>A. Quillfeather</other-name:content></other-name:other-name>
                </other-name:other-names>
                <person:biography visibility="public"><personal-details:content>I study video generation and motion.</personal-details:content></person:biography>
                <researcher-url:researcher-urls>
                    <researcher-url:researcher-url visibility="public"><researcher-url:url-name>Homepage</researcher-url:url-name><researcher-url:url>https://ada.example.org/</researcher-url:url></researcher-url:researcher-url>
                </researcher-url:researcher-urls>
                <email:emails>
                    <email:email visibility="public" verified="true" primary="true"><email:email>Ada@Quillfeather.example</email:email></email:email>
                </email:emails>
                <keyword:keywords>
                    <keyword:keyword visibility="public"><keyword:content>video generation</keyword:content></keyword:keyword>
                </keyword:keywords>
            </person:person>
            <activities:activities-summary>
                <activities:educations>
                    <activities:affiliation-group>
                        <education:education-summary visibility="public">
                            <common:department-name>Computer Science</common:department-name>
                            <common:role-title>PhD</common:role-title>
                            <common:start-date><common:year>2016</common:year><common:month>09</common:month></common:start-date>
                            <common:end-date><common:year>2021</common:year><common:month>06</common:month></common:end-date>
                            <common:organization><common:name>University of Cambridge</common:name><common:address><common:city>Cambridge</common:city><common:country>GB</common:country></common:address></common:organization>
                        </education:education-summary>
                    </activities:affiliation-group>
                </activities:educations>
                <activities:employments>
                    <activities:affiliation-group>
                        <employment:employment-summary visibility="public">
                            <common:role-title>Research Scientist</common:role-title>
                            <common:start-date><common:year>2021</common:year><common:month>07</common:month></common:start-date>
                            <common:organization><common:name>Google DeepMind</common:name></common:organization>
                        </employment:employment-summary>
                    </activities:affiliation-group>
                </activities:employments>
                <activities:works>
                    <activities:group>
                        <common:external-ids><common:external-id><common:external-id-type>doi</common:external-id-type><common:external-id-value>10.1109/cvpr.2024.001</common:external-id-value></common:external-id></common:external-ids>
                        <work:work-summary put-code="1" visibility="public">
                            <work:title><common:title>Video Generation with Motion Priors</common:title></work:title>
                            <work:type>conference-paper</work:type>
                            <common:publication-date><common:year>2024</common:year></common:publication-date>
                            <work:journal-title>2024 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)</work:journal-title>
                        </work:work-summary>
                        <work:work-summary put-code="2" visibility="public">
                            <work:title><common:title>Video Generation with Motion Priors</common:title></work:title>
                            <work:type>preprint</work:type>
                            <common:publication-date><common:year>2023</common:year></common:publication-date>
                        </work:work-summary>
                    </activities:group>
                    <activities:group>
                        <work:work-summary put-code="3" visibility="public">
                            <work:title><common:title>Motion Fields for Animation</common:title></work:title>
                            <work:type>journal-article</work:type>
                            <common:publication-date><common:year>2023</common:year><common:month>03</common:month></common:publication-date>
                            <work:journal-title>IEEE Transactions on Pattern Analysis and Machine Intelligence</work:journal-title>
                        </work:work-summary>
                    </activities:group>
                </activities:works>
            </activities:activities-summary>
        </record:record>
        """;

    [Fact]
    public void A_record_gives_the_person_their_roles_and_one_publication_per_work()
    {
        var profile = Extracted.Profile("application/xml", Record);

        Assert.Equal("Ada Quillfeather", profile.Name);
        Assert.Equal(["A. Quillfeather"], profile.AlternateNames);
        Assert.Equal(["ada@quillfeather.example"], profile.Emails);
        Assert.Equal(["ada.example.org"], profile.Homepages);
        Assert.Equal(["orcid.org/0000-0002-1825-0097"], profile.Links);
        Assert.Equal("I study video generation and motion.", profile.Summary);
        Assert.Equal([("Google DeepMind", "Research Scientist", "2021-07", (string?)null)], profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
        Assert.Equal([("University of Cambridge", "PhD", "Computer Science", "2016-09", "2021-06")], profile.Education.Select(e => (e.Institution, e.Degree, e.Field, e.Start, e.End)).ToList());
        // The group's first summary is the work; the other is the same work elsewhere (its preprint).
        Assert.Equal(
            [("Video Generation with Motion Priors", "CVPR", 2024, PublicationKind.Conference), ("Motion Fields for Animation", "TPAMI", 2023, PublicationKind.Journal)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year ?? 0, p.Kind)).ToList());
        Assert.Contains("video generation", profile.Topics, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_record_read_as_plain_text_is_read_the_same()
    {
        var asText = Extracted.Profile("text/plain", Record);

        Assert.Equal("Ada Quillfeather", asText.Name);
        Assert.Equal(["Video Generation with Motion Priors", "Motion Fields for Animation"], asText.Publications.Select(p => p.Title));
    }

    [Fact]
    public void A_record_in_orcids_json_is_read_as_its_xml_is()
    {
        const string json = """
            {
              "orcid-identifier": { "uri": "https://orcid.org/0000-0002-1825-0097", "path": "0000-0002-1825-0097", "host": "orcid.org" },
              "person": {
                "name": { "given-names": { "value": "Ada" }, "family-name": { "value": "Quillfeather" }, "credit-name": null, "visibility": "public" },
                "biography": { "content": "I study video generation and motion.", "visibility": "public" },
                "researcher-urls": { "researcher-url": [ { "url-name": "Homepage", "url": { "value": "https://ada.example.org/" } } ] },
                "emails": { "email": [ { "email": "ada@quillfeather.example", "visibility": "public" } ] },
                "keywords": { "keyword": [ { "content": "video generation" } ] }
              },
              "activities-summary": {
                "employments": { "affiliation-group": [ { "summaries": [ { "employment-summary": {
                  "role-title": "Research Scientist", "start-date": { "year": { "value": "2021" }, "month": { "value": "07" }, "day": null },
                  "end-date": null, "organization": { "name": "Google DeepMind" } } } ] } ] },
                "works": { "group": [
                  { "work-summary": [
                    { "title": { "title": { "value": "Video Generation with Motion Priors" }, "subtitle": null }, "type": "conference-paper",
                      "publication-date": { "year": { "value": "2024" } }, "journal-title": { "value": "2024 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)" } },
                    { "title": { "title": { "value": "Video Generation with Motion Priors" } }, "type": "preprint", "publication-date": { "year": { "value": "2023" } } } ] },
                  { "work-summary": [
                    { "title": { "title": { "value": "Motion Fields for Animation" } }, "type": "journal-article",
                      "publication-date": { "year": { "value": "2023" } }, "journal-title": { "value": "IEEE Transactions on Pattern Analysis and Machine Intelligence" } } ] } ] }
              }
            }
            """;

        var fromJson = Extracted.Profile("application/json", json);
        var fromXml = Extracted.Profile("application/xml", Record);

        Assert.Equal("Ada Quillfeather", fromJson.Name);
        Assert.Equal(fromXml.Publications.Select(p => (p.Title, p.Venue, p.Year, p.Kind)), fromJson.Publications.Select(p => (p.Title, p.Venue, p.Year, p.Kind)));
        Assert.Equal(fromXml.Experience, fromJson.Experience);
        Assert.Equal((fromXml.Summary, fromXml.Homepages.Single(), fromXml.Emails.Single()), (fromJson.Summary, fromJson.Homepages.Single(), fromJson.Emails.Single()));
        Assert.Equal(["orcid.org/0000-0002-1825-0097"], fromJson.Links);
    }
}
