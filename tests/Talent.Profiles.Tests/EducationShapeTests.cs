namespace Talent.Profiles.Tests;

/// <summary>
/// Shapes of education as people write it, each a small document with its facts written by hand: a degree line with its
/// parts in any order, degrees stated in prose, a degree's subject after it, and what is no degree (a postdoc, a thesis,
/// a position listed with the studies, an employer in prose).
/// </summary>
public sealed class EducationShapeTests : DocumentShapeReading
{
    [Theory]
    [InlineData("- Ph.D. in Physics, Stanford University, 2015 – 2020", "Stanford University", "Ph.D.", "Physics", "2015", "2020")]
    [InlineData("- Stanford University, Ph.D. in Physics, 2015 – 2020", "Stanford University", "Ph.D.", "Physics", "2015", "2020")]
    [InlineData("- M.S. in Economics, Universidad de los Andes, 2023", "Universidad de los Andes", "M.S.", "Economics", null, "2023")]
    [InlineData("- B.Sc. Informatik, Universität Passau", "Universität Passau", "B.Sc.", "Informatik", null, null)]
    [InlineData("- 2017年9月 - 2022年7月，理学博士\n  中国科学院大学 数学科学学院 数理统计", "University of Chinese Academy of Sciences", "博士", null, null, null)]
    [InlineData("**Technische Universität München**\n\nM.Sc. in Informatics, 2019 – 2021", "Technical University of Munich", "M.Sc.", "Informatics", "2019", "2021")]
    [InlineData("### University of Cambridge\n\nDoctor of Philosophy - PhD, Computer Science · (2014 - 2018)", "University of Cambridge", "Doctor of Philosophy", "Computer Science", "2014", "2018")]
    [InlineData("### University of Oxford\n\nMaster of Science - MS, Mathematics · (2012 - 2014)", "University of Oxford", "Master", "Mathematics", "2012", "2014")]
    public void An_education_line_gives_its_parts_in_any_order(string lines, string institution, string degree, string? field, string? start, string? end)
    {
        var entry = Assert.Single(Read("text/markdown", "# Jane Roe\n\n## Education\n\n" + lines + "\n").Education);

        Assert.Equal(institution, entry.Institution);
        Assert.Equal(degree, entry.Degree);
        Assert.Equal(field, entry.Field);
        if (start is not null || end is not null)
        {
            Assert.Equal(start, entry.Start);
            Assert.Equal(end, entry.End);
        }
    }

    [Theory]
    [InlineData("He received his PhD in marine biology at the Technical University of Denmark (DTU).", "Technical University of Denmark")]
    [InlineData("I obtained my PhD in 2023 at the MAP5 laboratory, Université Paris Cité, under the supervision of Prof. X.", "Université Paris Cité")]
    [InlineData("She studied computer science and spent a term abroad at the University of Stirling in Scotland.", "University of Stirling")]
    [InlineData("Prior to that, I was a biostatistics Ph.D. student at the University of Minnesota, co-advised by Prof. X.", "University of Minnesota")]
    [InlineData("- 👩‍🎓 Natural Sciences graduate from the University of Cambridge", "University of Cambridge")]
    [InlineData("I am now a PhD candidate in Computer Security at Universitetet i Bergen.", "University of Bergen")]
    public void A_degree_stated_in_prose_gives_its_institution(string sentence, string institution)
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n" + sentence + "\n");

        Assert.Contains(institution, profile.Education.Select(e => e.Institution));
    }

    [Fact]
    public void Each_degree_of_a_sentence_keeps_its_own_institution()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\nI received the B.S. degree at University of Pavia in Mathematics and the M.Sc. degree at University of Genoa in Cryptography.\n");

        Assert.Equal(["University of Pavia", "University of Genoa"], profile.Education.Select(e => e.Institution));
    }

    [Fact]
    public void A_postdoc_written_with_the_word_for_a_doctorate_is_a_role_not_a_degree()
    {
        var profile = Read("text/markdown", "# 任明阳\n\n**博士后**  \n**香港中文大学 统计系**  \n\n## 教育经历\n\n- 2017年9月 - 2022年7月，理学博士  \n[耶鲁大学](https://www.yale.edu/)\n\n## 工作经历\n\n- 2022年8月至今，博士后  \n[香港中文大学](https://www.cuhk.edu.hk/) 统计系\n");

        var degree = Assert.Single(profile.Education);
        Assert.Equal("博士", degree.Degree);
        Assert.DoesNotContain("Hong Kong", degree.Institution ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_listed_with_the_studies_and_a_thesis_under_a_degree_are_not_degrees()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Education\n\n- **University of Stuttgart**, 2015 – 2020  \n  Doctor of Engineering  \n  - PhD thesis: Agent-Based Modeling of Energy Markets\n- **Delft University of Technology**, 2016  \n  Visiting Researcher at the Faculty of Technology, Policy and Management\n- **KTH Royal Institute of Technology**, 2011  \n  Exchange Semester in Physics\n- CAECE University, Engineer’s Degree – Software Engineering, 2014 – 2020\n");

        Assert.Equal(
            ["University of Stuttgart Doctor", "KTH Royal Institute of Technology ", "CAECE University Engineer’s Degree"],
            profile.Education.Select(e => $"{e.Institution} {e.Degree}"));
    }

    [Fact]
    public void Degrees_written_in_lower_case_in_prose_are_degrees()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\nOriginally from the US, she obtained her bachelor's from Colorado State University before moving to Germany. She obtained her doctorate from the Technische Universität Berlin.\n");

        Assert.Equal(["Colorado State University bachelor's", "Technical University of Berlin doctorate"], profile.Education.Select(e => $"{e.Institution} {e.Degree}"));
    }

    [Fact]
    public void A_pages_front_matter_education_completes_what_its_prose_says()
    {
        var profile = Read("text/markdown", "---\ntitle: Jane Roe\neducation:\n  courses:\n    - course: MA in Economics and Management\n      institution: Humboldt-Universität zu Berlin\n      year: 2006\n    - course: BA in Language, Literature & Culture\n      institution: Colorado State University\n      year: 2001\n---\n\nJane Roe obtained her bachelor's from Colorado State University before moving to Germany.\n");

        Assert.Equal(
            ["Colorado State University BA in Language, Literature & Culture", "Humboldt University of Berlin MA in Economics and Management"],
            profile.Education.Select(e => $"{e.Institution} {e.Degree}"));
    }

    [Theory]
    [InlineData("- Stanford University — PhD, Computer Science (2020)", "Stanford University", "Computer Science")]
    [InlineData("- **Stanford University**, Ph.D. Computer Science, 2020", "Stanford University", "Computer Science")]
    [InlineData("- PhD Computer Science | Stanford University | 2020", "Stanford University", "Computer Science")]
    [InlineData("- MSc Data Science @ University of Edinburgh (2019)", "University of Edinburgh", "Data Science")]
    [InlineData("- B.Eng. (Hons) Software Engineering - University of Auckland - 2014", "University of Auckland", "Software Engineering")]
    public void A_degree_s_subject_written_right_after_it_is_its_field(string line, string institution, string field)
    {
        var entry = Assert.Single(Read("text/markdown", "# Jane Roe\n\nSoftware engineer.\n\n## Education\n\n" + line + "\n").Education);

        Assert.Equal((institution, field), (entry.Institution, entry.Field));
    }

    [Theory]
    [InlineData("- PhD - Thesis: \"Young People in the Virtual University\", Trinity College Dublin, 1997 – 2001")]
    [InlineData("- PhD, thesis “Learning at the Open University”, Trinity College Dublin, 1997 – 2001")]
    public void A_quoted_title_on_a_degree_line_never_names_its_school(string line) =>
        Assert.Equal("Trinity College Dublin", Assert.Single(Read("text/markdown", "# Jane Roe\n\nSociologist.\n\n## Education\n\n" + line + "\n").Education).Institution);

    [Fact]
    public void A_school_after_a_colon_is_no_degree_s_subject() =>
        Assert.DoesNotContain(
            Read("text/markdown", "# Jane Roe\n\nSoftware engineer.\n\n## Education\n\n- 2015 Abitur: Immanuel Kant Gymnasium\n- 2015-2017: Universität Leipzig, B.Sc. Chemie\n").Education,
            e => e.Field is "Immanuel Kant Gymnasium");

    [Fact]
    public void An_employer_in_prose_is_not_education() =>
        Assert.Empty(Read("text/markdown", "# Jane Roe\n\nJane is a postdoc in the Smith group at the University of California, San Diego, working on oceans.\n").Education);

    [Fact]
    public void An_associate_degree_is_studies_not_a_position()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Education\n\n- Associate of Science in Computer Science, Foothill College, 2015\n- BS Computer Science, San Jose State University, 2018\n");

        Assert.Equal(["Foothill College", "San Jose State University"], profile.Education.Select(e => e.Institution));
    }
}
