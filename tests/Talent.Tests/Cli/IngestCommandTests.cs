using System.Text.Json;
using Talent.Server.Demo;

namespace Talent.Tests.Cli;

/// <summary><c>talent ingest</c>, <c>search</c>, <c>show</c> and <c>parse</c> as separate processes over one data folder.</summary>
public sealed class IngestCommandTests
{
    [Fact]
    public async Task A_files_web_address_given_with_uri_joins_the_documents_of_one_personal_site()
    {
        using var temp = new TempDirectory();
        var about = Path.Combine(temp.Path, "about.md");
        var papers = Path.Combine(temp.Path, "papers.md");
        await File.WriteAllTextAsync(about, "# Jane Quillfeather\n\nI work on program synthesis.\n");
        await File.WriteAllTextAsync(papers, "# Publications\n\n- **Neural Program Repair at Scale**  \n  Jane Quillfeather, Bo Chen **ICSE 2023**\n");
        var apart = Path.Combine(temp.Path, "apart");
        var joined = Path.Combine(temp.Path, "joined");

        // From files alone nothing says the two are one person's.
        foreach (var file in new[] { about, papers })
        {
            Assert.Equal(0, (await TalentProcess.RunAsync("--data", apart, "ingest", file)).ExitCode);
        }

        Assert.Equal("accepted 1, merged 0, unchanged 0, stale 0, rejected 0", (await TalentProcess.RunAsync("--data", joined, "ingest", about, "--uri", "https://quillfeather.github.io/about/")).Stdout.Trim());
        Assert.Equal("accepted 0, merged 1, unchanged 0, stale 0, rejected 0", (await TalentProcess.RunAsync("--data", joined, "ingest", papers, "--uri", "https://quillfeather.github.io/publications/")).Stdout.Trim());
        Assert.Equal(2, JsonDocument.Parse((await TalentProcess.RunAsync("--data", apart, "search", "--json")).Stdout).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, JsonDocument.Parse((await TalentProcess.RunAsync("--data", joined, "search", "--json")).Stdout).RootElement.GetProperty("total").GetInt32());

        // An address for several files, or one that is not a web address: one line, exit 2.
        foreach (var args in new[] { new[] { "ingest", about, papers, "--uri", "https://quillfeather.github.io/" }, ["ingest", about, "--uri", "notaurl"] })
        {
            var (exit, _, stderr) = await TalentProcess.RunAsync(["--data", joined, .. args]);
            Assert.Equal(2, exit);
            Assert.Contains("--uri", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_dblp_export_and_the_cv_that_links_its_page_are_one_candidate_found_by_their_papers()
    {
        using var temp = new TempDirectory();
        var inbox = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "ada.xml"), """
            <?xml version="1.0" encoding="US-ASCII"?>
            <dblpperson name="Ada Quillfeather 0002" pid="123/4567-2" n="2">
            <person key="homepages/123/4567-2"><author pid="123/4567-2">Ada Quillfeather 0002</author></person>
            <r><inproceedings key="conf/cvpr/Q24"><author pid="123/4567-2">Ada Quillfeather 0002</author><author pid="t/AT">Alan Turing</author><title>Video Generation with Motion Priors.</title><year>2024</year><booktitle>CVPR</booktitle></inproceedings></r>
            <r><article key="journals/corr/abs-2401-00001" publtype="informal"><author pid="h/GH">Grace Hopper</author><author pid="123/4567-2">Ada Quillfeather 0002</author><title>Long Video Generation with Sparse Attention.</title><year>2024</year><journal>CoRR</journal></article></r>
            </dblpperson>
            """);
        await File.WriteAllTextAsync(Path.Combine(inbox, "cv.md"), "# Ada Quillfeather\n\nada@quillfeather.example · [dblp](https://dblp.uni-trier.de/pid/123/4567-2.html)\n\n## Skills\n\nPython, PyTorch\n");
        var data = Path.Combine(temp.Path, "data");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", inbox);

        Assert.True(exit == 0, stderr);
        Assert.Equal("accepted 1, merged 1, unchanged 0, stale 0, rejected 0", stdout.Trim());
        var found = JsonDocument.Parse((await TalentProcess.RunAsync("--data", data, "search", "video generation", "--json")).Stdout).RootElement;
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var hit = found.GetProperty("results")[0];
        Assert.Equal("Ada Quillfeather", hit.GetProperty("name").GetString());
        Assert.Contains(hit.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("venue").GetString() == "CVPR" && e.GetProperty("firstAuthor").GetBoolean());
        var (_, show, _) = await TalentProcess.RunAsync("--data", data, "show", hit.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(2, JsonDocument.Parse(show).RootElement.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_never_loses_good_input()
    {
        using var temp = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), content);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "empty.md"), "");
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        await File.WriteAllBytesAsync(Path.Combine(folder, "photo.txt"), binary);
        await using (var huge = File.Create(Path.Combine(folder, "huge.txt")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        var missing = Path.Combine(temp.Path, "does-not-exist");
        var data = Path.Combine(temp.Path, "data");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", folder, missing);

        Assert.Equal(1, exit);
        var rejectedLines = stderr.Split('\n').Where(l => l.StartsWith("rejected ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rejectedLines.Count);
        Assert.Contains(rejectedLines, l => l.Contains("empty.md", StringComparison.Ordinal) && l.Contains("empty", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(rejectedLines, l => l.Contains("photo.txt", StringComparison.Ordinal) && l.Contains("binary", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(rejectedLines, l => l.Contains("huge.txt", StringComparison.Ordinal) && l.Contains("MB", StringComparison.Ordinal));
        Assert.Contains(rejectedLines, l => l.Contains("does-not-exist", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Contains($"accepted {DemoLoader.Documents().Count},", stdout, StringComparison.Ordinal);

        var (searchExit, json, _) = await TalentProcess.RunAsync("--data", data, "search", "--json");
        Assert.Equal(0, searchExit);
        Assert.Equal(DemoLoader.Documents().Count, JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_folder_that_links_to_itself_is_read_once_and_a_pipe_in_it_is_not_opened()
    {
        using var temp = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "jane.md"), "# Jane Quillfeather\n\njane@quillfeather.example\n");
        // A link back to the folder listed every file again at each of forty levels; a hidden folder is not read.
        Directory.CreateSymbolicLink(Path.Combine(folder, "again"), folder);
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        await File.WriteAllTextAsync(Path.Combine(folder, ".git", "notes.md"), "# Not A Candidate\n");
        // Opening a pipe waits for a writer: ingest waited for ever.
        var pipe = Path.Combine(folder, "pipe.md");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var files = Talent.Cli.Commands.DocumentFiles.InFolder(folder);
        var (bytes, refusal) = await Talent.Cli.Commands.DocumentFiles.ReadAsync(pipe, Profiles.Documents.DocumentLimits.Default, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(10));

        Assert.Equal([Path.Combine(folder, "jane.md"), pipe], files);
        // Not opened: an empty document, which ingestion refuses and records as one.
        Assert.Equal((0, null), (bytes?.Length, refusal));
    }

    [SeedFact]
    public async Task Seeds_ingest_search_and_reingest_unchanged()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", TestPaths.SeedsDirectory);
        Assert.Equal(1, exit); // expected.json is not a profile: rejected with its reason
        Assert.Contains("expected.json", stderr, StringComparison.Ordinal);
        Assert.Contains("accepted 2, merged 3, unchanged 0, stale 0, rejected 1", stdout, StringComparison.Ordinal);

        var (_, video, _) = await TalentProcess.RunAsync("--data", data, "search", "video generation", "--json");
        var results = JsonDocument.Parse(video).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["Xuanlei Zhao", "Zangwei Zheng"], results.Select(r => r.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.NotEmpty(r.GetProperty("evidence").EnumerateArray()));

        var (_, iclr, _) = await TalentProcess.RunAsync("--data", data, "search", "--venue", "ICLR", "--json");
        Assert.Equal("Xuanlei Zhao", JsonDocument.Parse(iclr).RootElement.GetProperty("results")[0].GetProperty("name").GetString());

        var (showExit, show, _) = await TalentProcess.RunAsync("--data", data, "show", results[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, showExit);
        Assert.True(JsonDocument.Parse(show).RootElement.GetProperty("sources").GetArrayLength() >= 2);

        var (_, again, _) = await TalentProcess.RunAsync("--data", data, "ingest", TestPaths.SeedsDirectory);
        Assert.Contains("accepted 0, merged 0, unchanged 6, stale 0, rejected 0", again, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 18's case among strangers' documents: a profile whose every field says the query and whose one paper is a
    /// preprint titled as the query stays below the seeds' two video-generation lead authors, whose relevant papers sit
    /// among many others (per-field length normalisation of paper titles and abstracts put it second).
    /// </summary>
    [Evaluation.RealProfilesFact] // the seeds are there whenever the real documents are
    public async Task Among_real_profiles_a_one_preprint_profile_stays_below_the_video_generation_lead_authors()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var preprint = Path.Combine(temp.Path, "preprint.md");
        await File.WriteAllTextAsync(preprint, "# Vera Preprint\n\nvera.preprint@example.org\n\nVideo generation researcher.\n\n## Research interest\n\n- Video generation\n\n## Publications\n\n1. **Video Generation** Vera Preprint **arXiv 2024**\n");
        await TalentProcess.RunAsync("--data", data, "ingest", TestPaths.SeedsDirectory, TestPaths.RealProfileDocuments, preprint);

        var (exit, video, stderr) = await TalentProcess.RunAsync("--data", data, "search", "video generation", "--json");

        Assert.True(exit == 0, stderr);
        var names = JsonDocument.Parse(video).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.TryGetProperty("name", out var name) ? name.GetString() : null).ToList(); // a document that names nobody has no name
        Assert.True(names.IndexOf("Vera Preprint") > names.IndexOf("Zangwei Zheng") && names.IndexOf("Vera Preprint") > names.IndexOf("Xuanlei Zhao"), string.Join(", ", names));
        Assert.Contains("Zangwei Zheng", names);
    }

    [Fact]
    public async Task Parse_prints_the_extracted_profile_as_json()
    {
        using var temp = new TempDirectory();
        var (name, content) = DemoLoader.Documents().First(d => d.Name.StartsWith("jonas", StringComparison.Ordinal));
        var path = Path.Combine(temp.Path, name);
        await File.WriteAllTextAsync(path, content);

        var (exit, stdout, _) = await TalentProcess.RunAsync("parse", path, "--json");

        Assert.Equal(0, exit);
        var profile = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("Jonas Müller", profile.GetProperty("name").GetString());
        Assert.Contains(profile.GetProperty("publications").EnumerateArray(), p => p.GetProperty("venue").GetString() == "OSDI" && p.GetProperty("year").GetInt32() == 2022);
    }

    [Fact]
    public async Task Parse_out_writes_each_documents_profile_to_its_own_file_and_an_empty_list_for_one_not_read()
    {
        using var temp = new TempDirectory();
        var (name, content) = DemoLoader.Documents().First(d => d.Name.StartsWith("jonas", StringComparison.Ordinal));
        var profile = Path.Combine(temp.Path, name);
        await File.WriteAllTextAsync(profile, content);
        var empty = Path.Combine(temp.Path, "note.txt");
        await File.WriteAllTextAsync(empty, "nothing about anyone");
        var folder = Path.Combine(temp.Path, "out");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("parse", "--out", folder, profile, empty);

        Assert.Equal(1, exit); // one document not read
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("rejected " + empty, stderr, StringComparison.Ordinal);
        var (_, printed, _) = await TalentProcess.RunAsync("parse", profile, "--json");
        Assert.Equal(printed, await File.ReadAllTextAsync(Path.Combine(folder, name + ".json")));
        Assert.Equal("[]", (await File.ReadAllTextAsync(Path.Combine(folder, "note.txt.json"))).Trim());
    }

    [Theory]
    [InlineData("--top expects a whole number, not 'abc'", "search", "--top", "abc")]
    [InlineData("--since expects a whole number, not '20x4'", "search", "--since", "20x4", "video")]
    [InlineData("ID expects a whole number, not 'abc'", "show", "abc")]
    [InlineData("unrecognized command or argument 'vacuum' (talent admin --help lists what talent admin takes)", "admin", "vacuum")]
    [InlineData("unrecognized option '--size' (talent search --help lists what talent search takes)", "search", "--size", "5")]
    [InlineData("unrecognized command or argument 'frobnicate' (talent --help lists what talent takes)", "frobnicate")]
    [InlineData("talent needs a command (talent --help lists them)")]
    [InlineData("talent admin needs a command (talent admin --help lists them)", "admin")]
    [InlineData("--top must be between 1 and 1000, not 1001.", "search", "--top", "1001", "video")]
    [InlineData("cannot listen on 'notaurl': not an http or https address such as http://127.0.0.1:5080", "serve", "--urls", "notaurl")]
    [InlineData("give exactly one of --source ID or --candidate ID", "remove")]
    [InlineData("--format expects one of csv, json, not 'xml'", "search", "video", "--format", "xml")]
    [InlineData("--role expects one of all, query, not 'worker'", "serve", "--role", "worker")]
    [InlineData("--profiles expects one of recent, whole, not 'all'", "eval", "experts", "--profiles", "all")]
    public async Task Bad_usage_exits_2_with_one_line_saying_what_is_wrong(string expected, params string[] args)
    {
        using var temp = new TempDirectory();
        var (exit, _, stderr) = await TalentProcess.RunAsync(["--data", temp.Path, .. args]);
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("talent: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal); // no .NET type names
    }
}
