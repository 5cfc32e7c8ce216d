using System.CommandLine;
using System.Text.Json;
using Talent.Profiles;

namespace Talent.Cli.Commands;

/// <summary>Results go to stdout: JSON in the HTTP API's shape with <c>--json</c>, readable text otherwise.</summary>
internal static class Output
{
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON (the HTTP API's shape) and nothing else" };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ProfileJson.Indented));
}
