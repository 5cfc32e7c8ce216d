using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Talent.Tests.Documents;

namespace Talent.Tests.Ingestion;

/// <summary>Files sent as <c>multipart/form-data</c> to <c>POST /api/documents</c>: each answered with its outcome and the candidate it made or joined.</summary>
public sealed class DocumentUploadApiTests
{
    private const string Cv = "# Wendeline Okafor-Strand\n\nwendeline@example.org\n\n## Education\n\nPh.D. in Physics, University of Oslo, 2015 - 2019\n";

    [Fact]
    public async Task Each_uploaded_file_is_answered_with_its_outcome_and_the_candidate_by_name()
    {
        await using var host = await TalentTestHost.StartAsync();

        var first = await UploadAsync(host, ("wendeline.md", Encoding.UTF8.GetBytes(Cv)), ("hopper.pdf", BinaryDocumentIngestionTests.Pdf("Grace Hopper", "grace.hopper@example.org")));
        Assert.Equal(["accepted", "accepted"], first.Select(o => o.GetProperty("outcome").GetString()));
        Assert.Equal("wendeline.md", first[0].GetProperty("file").GetString());
        Assert.Equal("Wendeline Okafor-Strand", first[0].GetProperty("candidateName").GetString());
        Assert.Equal("Grace Hopper", first[1].GetProperty("candidateName").GetString());
        var wendeline = first[0].GetProperty("candidateId").GetInt64();

        // One file per request, as the page sends them: the same file again, another document of the same person, a .doc.
        var again = Assert.Single(await UploadAsync(host, ("wendeline.md", Encoding.UTF8.GetBytes(Cv))));
        Assert.Equal("unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(first[0].GetProperty("sourceId").GetString(), again.GetProperty("sourceId").GetString());

        var homepage = Assert.Single(await UploadAsync(host, ("homepage.md", "# Wendeline Okafor-Strand\n\nContact: wendeline@example.org\n\nI study cold atoms.\n"u8.ToArray())));
        Assert.Equal("merged", homepage.GetProperty("outcome").GetString());
        Assert.Equal(wendeline, homepage.GetProperty("candidateId").GetInt64());
        Assert.Equal("Wendeline Okafor-Strand", homepage.GetProperty("candidateName").GetString());
        Assert.Contains("shared e-mail", homepage.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var word = Assert.Single(await UploadAsync(host, ("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])));
        Assert.Equal("rejected", word.GetProperty("outcome").GetString());
        Assert.StartsWith("binary Word document (.doc) is not read", word.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(word.TryGetProperty("candidateName", out _));
    }

    private static async Task<JsonElement[]> UploadAsync(TalentTestHost host, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        using var response = await host.Client.PostAsync("/api/documents", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!; // a 200 answer is the list of outcomes
    }
}
