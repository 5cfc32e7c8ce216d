using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Canonical organisation and institution names: drops legal suffixes and parenthesised units, and maps
/// known aliases (a product or lab name standing for its company, an acronym for its university).
/// </summary>
internal static partial class OrganizationNames
{
    private static readonly Dictionary<string, string> Aliases = BuildAliases(
        ("HPC-AI Tech", ["Colossal-AI", "ColossalAI", "HPC-AI TECH", "HPC-AI Technology", "HPC AI Tech", "hpcaitech"]),
        ("Pika", ["Pika Labs", "Pika Art"]),
        ("ByteDance", ["Bytedance", "ByteDance AI Lab", "TikTok"]),
        ("Google", ["Google Research", "Google Brain", "Alphabet"]),
        ("Google DeepMind", ["DeepMind"]),
        ("Microsoft", ["Microsoft Research", "MSR", "Microsoft Research Asia", "MSRA"]),
        ("Meta", ["Facebook", "Meta AI", "FAIR", "Facebook AI Research"]),
        ("Alibaba", ["Alibaba Group", "Alibaba DAMO Academy", "DAMO Academy"]),
        ("Tencent", ["Tencent AI Lab"]),
        ("NVIDIA", ["Nvidia", "NVIDIA Research"]),
        ("OpenAI", []),
        ("Amazon", ["AWS", "Amazon Web Services", "Amazon AI"]),
        ("Huawei", ["Huawei Noah's Ark Lab", "Noah's Ark Lab"]),
        ("National University of Singapore", ["NUS"]),
        ("Nanjing University", ["NJU"]),
        ("Huazhong University of Science and Technology", ["HUST", "Huazhong University of Science & Technology"]),
        ("University of California, Berkeley", ["UC Berkeley", "Berkeley", "UCB"]),
        ("Massachusetts Institute of Technology", ["MIT"]),
        ("Carnegie Mellon University", ["CMU"]),
        ("Stanford University", ["Stanford"]),
        ("Tsinghua University", ["THU"]),
        ("Peking University", ["PKU"]),
        ("Nanyang Technological University", ["NTU Singapore"]));

    [GeneratedRegex(@"\s*\([^()]{0,120}\)\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ParenthesisPattern();

    [GeneratedRegex(@",?\s+(?:Inc|Ltd|LLC|Co|GmbH|Pte|Limited|S\.A)\.?(?:,?\s+(?:Ltd|Inc)\.?)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LegalSuffixPattern();

    public static string? Canonical(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var text = MarkupText.ToPlain(raw).Trim(' ', ',', ';', ':', '|', '-', '–');
        if (text.Length == 0)
        {
            return null;
        }

        if (Aliases.TryGetValue(CatalogKey.Of(text), out var direct))
        {
            return direct;
        }

        // "HPC-AI TECH, Inc. (Colossal-AI)": the parenthesis may be the alias we know.
        foreach (Match m in ParenthesisPattern().Matches(text))
        {
            if (Aliases.TryGetValue(CatalogKey.Of(m.Value), out var inner))
            {
                return inner;
            }
        }

        var bare = LegalSuffixPattern().Replace(ParenthesisPattern().Replace(text, " ").Trim(), string.Empty).Trim(' ', ',');
        if (bare.Length == 0)
        {
            return text;
        }

        return Aliases.TryGetValue(CatalogKey.Of(bare), out var canonical) ? canonical : bare;
    }

    private static Dictionary<string, string> BuildAliases(params (string Name, string[] Aliases)[] entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in entries)
        {
            map[CatalogKey.Of(name)] = name;
            foreach (var alias in aliases)
            {
                map[CatalogKey.Of(alias)] = name;
            }
        }

        return map;
    }
}
