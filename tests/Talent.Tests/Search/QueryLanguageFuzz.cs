using System.Globalization;
using System.Text;

namespace Talent.Tests.Search;

/// <summary>
/// Generated queries in Lucene's classic syntax and around it: nested and unbalanced groups, regular expressions with
/// huge repetitions and unsupported operators, ranges, boosts, fuzzy and proximity terms, escapes, fields, wildcards,
/// unbalanced quotes and stray characters. Reproducible from its seed.
/// </summary>
internal sealed class QueryLanguageFuzz(int seed)
{
    private static readonly string[] Words =
        ["video", "generation", "learning", "sequence", "parallelism", "a", "the", "ada", "pytorch", "中文", "émigré", "x", "0", "2024", "AND", "OR", "NOT", "&&", "||", "+", "-", "!"];

    private static readonly string[] Fields =
        ["title", "titles", "abstract", "interests", "roles", "name", "headline", "skill", "topic", "venue", "institution", "year", "since", "Requirements", "unknown", "*"];

    private static readonly string[] RegexParts =
        ["a", "b", ".", ".*", "[a-z]", "[^a]", "[z-a]", "[", "]", "(a|aa)+", "(", ")", "|", "*", "+", "?", "{1,65535}", "{2}", "{3,}", "{,}", "{99999999999}",
         "~", "&", "<1-100000>", "<", "#", "@", "\"ab\"", "\"", "\\", "\\/", "{", "}", "((((a))))", "(a|b)*a(a|b){20}"];

    private static readonly string[] Stray = ["(", ")", "[", "]", "{", "}", "\"", ":", "^", "~", "*", "?", "\\", "/", "!", "&", "|", "-", "+", " TO ", "\u0000", "\t", "\u3000", "%", "'"];

    private readonly Random random = new(seed);

    public string Next()
    {
        var text = new StringBuilder();
        var clauses = random.Next(1, 6);
        for (var i = 0; i < clauses; i++)
        {
            text.Append(Clause(depth: 0)).Append(random.Next(4) == 0 ? Pick(" AND ", " OR ", " NOT ", " && ", " || ", " ") : " ");
        }

        if (random.Next(5) == 0)
        {
            text.Insert(random.Next(text.Length + 1), Pick(Stray));
        }

        return text.Length > 1000 ? text.ToString(0, 1000) : text.ToString();
    }

    private string Clause(int depth)
    {
        var clause = random.Next(depth > 40 ? 9 : 11) switch
        {
            0 => Pick(Words),
            1 => Pick(Fields) + ":" + Clause(depth + 1),
            2 => "/" + Regex() + "/",
            3 => Range(),
            4 => Pick(Words) + "^" + Number(),
            5 => Pick(Words) + "~" + Pick("", "1", "2", "0.5", "0.000001", "999999", "-1", "99999999999999999999"),
            6 => Wildcard(),
            7 => Escaped(),
            8 => "\"" + Pick(Words) + " " + Pick(Words) + Pick("\"", "\"~" + Number(), ""),
            _ => Group(depth),
        };
        return random.Next(8) == 0 ? Pick("+", "-", "!", "NOT ") + clause : clause;
    }

    private string Group(int depth)
    {
        var inner = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Clause(depth + 1)));
        var open = random.Next(10) == 0 ? new string('(', random.Next(2, 60)) : "(";
        var close = random.Next(10) == 0 ? "" : new string(')', open.Length);
        return open + inner + close + (random.Next(4) == 0 ? "^" + Number() : "");
    }

    private string Regex()
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 8);
        for (var i = 0; i < parts; i++)
        {
            text.Append(Pick(RegexParts));
        }

        return text.ToString().Replace("/", "\\/", StringComparison.Ordinal);
    }

    private string Range()
    {
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{", "}");
        var low = Pick("a", "*", "1900", "0", "video", "99999999999999999999", "", "\"x\"");
        var high = Pick("z", "*", "2100", "zzzzzzzzzz", "-5", "", "TO");
        var field = random.Next(2) == 0 ? Pick("year", "since", "title", "titles", "name") + ":" : "";
        return $"{field}{open}{low} TO {high}{(random.Next(10) == 0 ? "" : close)}";
    }

    private string Wildcard()
    {
        var word = Pick(Words);
        return random.Next(5) switch
        {
            0 => word + "*",
            1 => "*" + word + "*",
            2 => word[..Math.Min(2, word.Length)] + "?" + word,
            3 => string.Concat(Enumerable.Repeat("*?", random.Next(1, 40))),
            _ => word + "*" + string.Concat(Enumerable.Repeat("?", random.Next(1, 40))),
        };
    }

    private string Escaped()
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            text.Append('\\').Append(Pick("(", ")", "[", "]", "{", "}", "\"", ":", "^", "~", "*", "?", "\\", "/", "!", "&", "|", "-", "+", " ", "a")).Append(random.Next(3) == 0 ? Pick(Words) : "");
        }

        return text.ToString();
    }

    private string Number() =>
        Pick("2", "0.5", "0", "1e3", "", "99999999999999999999999999999999999999999", "0.00000000000000000000001", "-1", "NaN", random.Next().ToString(CultureInfo.InvariantCulture));

    private string Pick(params string[] options) => options[random.Next(options.Length)];
}
