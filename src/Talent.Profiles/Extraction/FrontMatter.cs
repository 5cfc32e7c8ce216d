using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The metadata block at the top of a markdown page (Jekyll/Hugo YAML between <c>---</c> lines, Hugo TOML between
/// <c>+++</c> lines), parsed by real YAML and TOML parsers into plain values: strings, lists and maps.
/// </summary>
internal static class FrontMatter
{
    /// <summary>Front matter larger than this is not read (real pages have a few kilobytes).</summary>
    private const int MaxChars = 64 * 1024;

    /// <summary>At most this many values are taken from one block: YAML aliases could otherwise repeat a subtree without end.</summary>
    private const int MaxValues = 5_000;

    /// <summary>The front matter's values (null when there is none or it cannot be parsed) and where the body starts.</summary>
    public static (Dictionary<string, object>? Values, int BodyStart) Read(string content)
    {
        var first = 0;
        while (first < content.Length && char.IsWhiteSpace(content[first]))
        {
            first++;
        }

        foreach (var fence in new[] { "---", "+++" })
        {
            if (string.CompareOrdinal(content, first, fence, 0, 3) != 0 || !IsLineEnd(content, first + 3))
            {
                continue;
            }

            var bodyOpen = content.IndexOf('\n', first) + 1;
            var close = FindClosingFence(content, bodyOpen, fence);
            if (close < 0 || close - bodyOpen > MaxChars)
            {
                return (null, 0);
            }

            var block = content[bodyOpen..close];
            var end = content.IndexOf('\n', close);
            var bodyStart = end < 0 ? content.Length : end + 1;
            return (fence == "---" ? ParseYaml(block) : ParseToml(block), bodyStart);
        }

        return (null, 0);
    }

    private static int FindClosingFence(string content, int from, string fence)
    {
        for (var at = from; at < content.Length;)
        {
            var lineEnd = content.IndexOf('\n', at);
            var line = (lineEnd < 0 ? content[at..] : content[at..lineEnd]).TrimEnd('\r', ' ');
            if (string.Equals(line, fence, StringComparison.Ordinal))
            {
                return at;
            }

            if (lineEnd < 0 || lineEnd - from > MaxChars)
            {
                return -1;
            }

            at = lineEnd + 1;
        }

        return -1;
    }

    private static bool IsLineEnd(string content, int at) => at >= content.Length || content[at] is '\n' or '\r' || (content[at] == ' ' && IsLineEnd(content, at + 1));

    private static Dictionary<string, object>? ParseYaml(string block)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(block));
            var budget = MaxValues;
            return stream.Documents.Count > 0 && Convert(stream.Documents[0].RootNode, ref budget) is Dictionary<string, object> map ? map : null;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // A broken block is read as if the page had none; the body is still read. The YAML library reports some
            // malformed plain scalars as InvalidOperationException and an alias with no name after a value
            // ("type: page *@") as ArgumentException rather than YamlException.
            return null;
        }
    }

    private static object? Convert(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return scalar.Value;
            case YamlSequenceNode sequence:
                var list = new List<object>();
                foreach (var child in sequence.Children)
                {
                    if (Convert(child, ref budget) is { } value)
                    {
                        list.Add(value);
                    }
                }

                return list;
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, child) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && Convert(child, ref budget) is { } value)
                    {
                        map[name] = value;
                    }
                }

                return map;
            default:
                return null;
        }
    }

    private static Dictionary<string, object>? ParseToml(string block)
    {
        if (!TomlSerializer.TryDeserialize(block, typeof(TomlTable), out var parsed, null) || parsed is not TomlTable table)
        {
            return null;
        }

        var budget = MaxValues;
        return Convert(table, ref budget) as Dictionary<string, object>;
    }

    private static object? Convert(object? value, ref int budget)
    {
        if (--budget < 0 || value is null)
        {
            return null;
        }

        switch (value)
        {
            case TomlTable table:
                var map = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, child) in table)
                {
                    if (Convert(child, ref budget) is { } converted)
                    {
                        map[key] = converted;
                    }
                }

                return map;
            case TomlTableArray tables:
                var rows = new List<object>();
                foreach (var row in tables)
                {
                    if (Convert(row, ref budget) is { } converted)
                    {
                        rows.Add(converted);
                    }
                }

                return rows;
            case TomlArray array:
                var list = new List<object>();
                foreach (var item in array)
                {
                    if (Convert(item, ref budget) is { } converted)
                    {
                        list.Add(converted);
                    }
                }

                return list;
            default:
                return System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
