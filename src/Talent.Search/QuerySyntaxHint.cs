using System.Text.RegularExpressions;

namespace Talent.Search;

/// <summary>
/// What is wrong with a query Lucene's parser refused, in the words of the person who typed it: an unclosed quote or
/// parenthesis, an operator with nothing after it. Lucene's own message ("Encountered "&lt;EOF&gt;" at line 1, column 3")
/// names its grammar's tokens; it is kept, without them, only when none of these explains the error.
/// </summary>
internal static partial class QuerySyntaxHint
{
    private const string Prefix = "The query could not be parsed: ";

    private static readonly string[] Operators = ["AND", "OR", "NOT", "&&", "||", "!", "+", "-"];

    /// <summary>One sentence for a query the parser refused with <paramref name="parserMessage"/>.</summary>
    public static string Describe(string? query, string parserMessage)
    {
        if ((query is null ? null : Structural(query)) is { } mistake)
        {
            return Prefix + mistake;
        }

        // Talent's own messages (a year, a regular expression) already say what is wrong; the grammar's get a hint.
        var (line, grammar) = Lucene(parserMessage.Split('\n', 2)[0].Trim());
        return grammar ? $"{Prefix}{line} Check quotes, parentheses and AND/OR/NOT placement." : Prefix + line;
    }

    /// <summary>The mistakes people make, found in the query itself (a backslash escapes the character after it).</summary>
    private static string? Structural(string query)
    {
        var quoted = false;
        var depth = 0;
        for (var i = 0; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '\\' when i == query.Length - 1:
                    return "it ends with a backslash, which escapes the character after it.";
                case '\\':
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '(' when !quoted:
                    depth++;
                    break;
                case ')' when !quoted:
                    if (--depth < 0)
                    {
                        return "a closing parenthesis ')' has no opening one.";
                    }

                    break;
            }
        }

        if (quoted)
        {
            return "a quote (\") is opened and never closed.";
        }

        if (depth > 0)
        {
            return "a parenthesis '(' is opened and never closed.";
        }

        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && Operators.Contains(words[^1], StringComparer.Ordinal))
        {
            return $"it ends with {words[^1]}, which needs a word after it.";
        }

        if (words.Length > 0 && IsJoin(words[0]))
        {
            return $"it starts with {words[0]}, which joins two words.";
        }

        for (var i = 1; i < words.Length; i++)
        {
            if (IsJoin(words[i - 1]) && IsJoin(words[i]))
            {
                return $"{words[i - 1]} {words[i]}: two operators in a row need a word between them.";
            }
        }

        return null;
    }

    private static bool IsJoin(string word) => word is "AND" or "OR" or "&&" or "||";

    /// <summary>Lucene's first line without the query it repeats and its grammar's names for tokens.</summary>
    private static (string Line, bool Grammar) Lucene(string line)
    {
        var grammar = false;
        try
        {
            line = CannotParse().Replace(line, "");
            line = EndEncountered().Replace(line, m => Said($"it ends too early (at character {m.Groups["column"].Value})"));
            line = TokenEncountered().Replace(line, m => Said($"'{m.Groups["image"].Value}' is unexpected at character {m.Groups["column"].Value}"));
            line = LexicalError().Replace(line, m => Said($"the character at {m.Groups["column"].Value} cannot be read"));
        }
        catch (RegexMatchTimeoutException)
        {
            grammar = true; // a query made to look like the parser's messages: its own first line, as it was
        }

        return (line.EndsWith('.') ? line : line + ".", grammar);

        string Said(string words)
        {
            grammar = true;
            return words;
        }
    }

    [GeneratedRegex("^Cannot parse '[^\n]*?': ", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CannotParse();

    [GeneratedRegex("""Encountered "<EOF>" at line \d+, column (?<column>\d+)\.?""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EndEncountered();

    /// <summary>JavaCC's <c>Encountered " KIND "IMAGE "" at line 1, column 3.</c></summary>
    [GeneratedRegex("""Encountered " (?<kind>.{1,40}?) "(?<image>.{0,40}?) "" at line \d+, column (?<column>\d+)\.?""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TokenEncountered();

    [GeneratedRegex(@"Lexical error at line \d+, column (?<column>\d+)\..*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LexicalError();
}
