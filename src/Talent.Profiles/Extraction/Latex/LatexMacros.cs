using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Expands the document's own <c>\newcommand</c>, <c>\renewcommand</c>, <c>\providecommand</c>, <c>\def</c> and
/// <c>\newenvironment</c> definitions, so that <c>\resumeSubheading{University}{City}{Degree}{Dates}</c> reaches the
/// converter as the <c>\item</c>, tabular and emphasis it stands for. Definitions are dropped from the text.
/// Bounded: past <see cref="MaxNesting"/> nested expansions, <see cref="MaxExpansions"/> expansions in all, or an output of
/// <see cref="OutputLimit"/>, a macro is left as written and read like any unknown command (its arguments' text kept); text
/// past twice that limit is dropped.
/// </summary>
internal sealed class LatexMacros
{
    public const int MaxNesting = 16;
    public const int MaxExpansions = 20_000;

    private sealed record Macro(int Parameters, string? OptionalDefault, string Body);

    private readonly Dictionary<string, Macro> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Macro Begin, string End)> environments = new(StringComparer.Ordinal);
    private int expansions;
    private long produced;
    private int outputLimit;

    public static string Expand(string text) => ExpandWithDefinitions(text).Text;

    /// <summary>
    /// The expanded text, and the plain text the document gave the commands a class reads its header from when it
    /// defines them itself (KOMA CV classes: <c>\renewcommand*{\firstname}{Jane}</c>), by command name.
    /// </summary>
    public static (string Text, Dictionary<string, string> HeaderDefinitions) ExpandWithDefinitions(string text)
    {
        var macros = new LatexMacros { outputLimit = OutputLimit(text.Length) };
        var output = new StringBuilder(text.Length);
        macros.ExpandInto(text, output, 0);
        var definitions = macros.commands
            .Where(c => HeaderCommandNames.Contains(c.Key) && c.Value.Parameters == 0 && c.Value.Body.Trim() is { Length: > 0 and <= 200 } body && !body.Contains('\\', StringComparison.Ordinal))
            .ToDictionary(c => c.Key, c => c.Value.Body.Trim().Trim('{', '}'), StringComparer.Ordinal);
        return (output.ToString(), definitions);
    }

    /// <summary>Commands a CV class builds its header from, when the document defines them as text.</summary>
    private static readonly HashSet<string> HeaderCommandNames = new(StringComparer.Ordinal)
    {
        "firstname", "familyname", "lastname", "givenname", "email", "homepage", "mobile", "phone",
    };

    /// <summary>The most characters expansion may produce from an input of <paramref name="inputLength"/>.</summary>
    public static int OutputLimit(int inputLength) => (4 * inputLength) + 100_000;

    /// <summary>
    /// Out of budget: too many expansions, or too much text made by them. Counting the text every expansion makes (not only what
    /// reaches the output) bounds the work too: nested uses copy their arguments before anything is output.
    /// </summary>
    private bool Exhausted(StringBuilder output) => expansions >= MaxExpansions || produced > outputLimit || output.Length > outputLimit;

    private void ExpandInto(string text, StringBuilder output, int nesting)
    {
        var source = new ArgumentEnds(text);
        var i = 0;
        while (i < text.Length)
        {
            if (output.Length > 2 * outputLimit)
            {
                // Unexpanded text left over past the budget is copied up to twice the budget, then dropped.
                return;
            }

            var slash = text.IndexOf('\\', i);
            if (slash < 0 || slash + 1 >= text.Length)
            {
                output.Append(text, i, Math.Min(text.Length - i, (2 * outputLimit) - output.Length + 1));
                return;
            }

            output.Append(text, i, Math.Min(slash - i, Math.Max(0, (2 * outputLimit) - output.Length + 1)));
            var end = slash + 1;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            if (end == slash + 1)
            {
                output.Append(text, slash, 2);
                i = slash + 2;
                continue;
            }

            var name = text[(slash + 1)..end];
            i = name switch
            {
                "newcommand" or "renewcommand" or "providecommand" or "DeclareRobustCommand" => DefineCommand(source, end, name),
                "def" or "gdef" or "edef" => DefineByDef(source, end),
                "newenvironment" or "renewenvironment" => DefineEnvironment(source, end),
                _ => -1,
            };
            if (i >= 0)
            {
                continue;
            }

            i = Use(source, slash, end, name, output, nesting);
        }
    }

    private int Room(StringBuilder output) => (int)Math.Max(0, outputLimit - Math.Max(produced, output.Length));

    /// <summary>Expands a defined command or environment at <paramref name="slash"/>; copies anything else. Returns where reading goes on.</summary>
    private int Use(ArgumentEnds source, int slash, int end, string name, StringBuilder output, int nesting)
    {
        var text = source.Text;
        var exhausted = nesting >= MaxNesting || Exhausted(output);
        if (!exhausted && commands.TryGetValue(name, out var macro))
        {
            if (Apply(macro, source, end, Room(output)) is ({ } expanded, var next))
            {
                expansions++;
                produced += expanded.Length;
                ExpandInto(expanded, output, nesting + 1);
                return next;
            }

            // The budget is spent: no later use reads its arguments again.
            produced = (long)outputLimit + 1;
        }

        var open = LatexSource.SkipSpaces(text, end, lineBreaks: false);
        if (!exhausted && name is "begin" or "end" && environments.Count > 0 && open < text.Length && text[open] == '{'
            && text.IndexOf('}', open, Math.Min(80, text.Length - open)) is var close && close > 0)
        {
            var environment = text[(open + 1)..Math.Min(close, text.Length)];
            if (environments.TryGetValue(environment, out var definition))
            {
                var after = Math.Min(close + 1, text.Length);
                expansions++;
                if (name == "begin")
                {
                    (var body, after) = Apply(definition.Begin, source, after, Room(output));
                    produced += body?.Length ?? 0;
                    ExpandInto(body ?? string.Empty, output, nesting + 1);
                }
                else
                {
                    ExpandInto(definition.End, output, nesting + 1);
                }

                return after;
            }
        }

        output.Append(text, slash, end - slash);
        return end;
    }

    /// <summary>The macro's body with its arguments in place, and where its use ends; no body when it would pass <paramref name="room"/> characters.</summary>
    private static (string? Body, int After) Apply(Macro macro, ArgumentEnds source, int at, int room)
    {
        var text = source.Text;
        var arguments = new string[macro.Parameters];
        var i = at;
        var first = 0;
        if (macro.OptionalDefault is { } fallback && macro.Parameters > 0)
        {
            var open = LatexSource.SkipSpaces(text, i, lineBreaks: true);
            if (open < text.Length && text[open] == '[')
            {
                var close = LatexSource.ClosingBracket(text, open);
                arguments[0] = text[(open + 1)..Math.Min(close, text.Length)];
                i = Math.Min(close + 1, text.Length);
            }
            else
            {
                arguments[0] = fallback;
            }

            first = 1;
        }

        for (var k = first; k < macro.Parameters; k++)
        {
            (arguments[k], i) = ReadArgument(source, i);
        }

        return (Substitute(macro.Body, arguments, room), i);
    }

    /// <summary>A mandatory argument: a brace group's inside, or one token (a control word or a character).</summary>
    private static (string Value, int After) ReadArgument(ArgumentEnds source, int at)
    {
        var text = source.Text;
        var i = LatexSource.SkipSpaces(text, at, lineBreaks: true);
        if (i >= text.Length)
        {
            return (string.Empty, i);
        }

        if (text[i] == '{')
        {
            var end = source.End(i);
            return (text[(i + 1)..end], source.After(end));
        }

        if (text[i] == '\\' && i + 1 < text.Length)
        {
            var end = i + 1;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            end = Math.Max(end, i + 2);
            return (text[i..end], end);
        }

        return (text[i].ToString(), i + 1);
    }

    private static string? Substitute(string body, string[] arguments, int room)
    {
        if (arguments.Length == 0 && !body.Contains("##", StringComparison.Ordinal))
        {
            return body;
        }

        var result = new StringBuilder(body.Length + 16);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                result.Append(c).Append(body[++i]);
                while (char.IsLetter(body[i]) && i + 1 < body.Length && char.IsLetter(body[i + 1]))
                {
                    result.Append(body[++i]);
                }

                // \small#3: the argument is not part of the control word's name.
                if (char.IsLetter(body[i]) && i + 1 < body.Length && body[i + 1] == '#')
                {
                    result.Append(' ');
                }
            }
            else if (c == '#' && i + 1 < body.Length && body[i + 1] is >= '1' and <= '9')
            {
                var k = body[++i] - '1';
                result.Append(k < arguments.Length ? arguments[k] : string.Empty);
                if (result.Length > room)
                {
                    return null;
                }
            }
            else if (c == '#' && i + 1 < body.Length && body[i + 1] == '#')
            {
                result.Append('#');
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary><c>\newcommand*{\name}[2][default]{body}</c> (or <c>\newcommand\name...</c>); returns the index after it.</summary>
    private int DefineCommand(ArgumentEnds source, int at, string definer)
    {
        var i = at < source.Text.Length && source.Text[at] == '*' ? at + 1 : at;
        var (name, afterName) = ReadArgument(source, i);
        name = name.Trim();
        var (parameters, optional, body, after) = ReadSignatureAndBody(source, afterName);
        if (name.Length > 1 && name[0] == '\\' && (definer != "providecommand" || !commands.ContainsKey(name[1..])))
        {
            commands[name[1..]] = new Macro(parameters, optional, body);
        }

        return after;
    }

    private static (int Parameters, string? Optional, string Body, int After) ReadSignatureAndBody(ArgumentEnds source, int at)
    {
        var text = source.Text;
        var parameters = 0;
        string? optional = null;
        var i = LatexSource.SkipSpaces(text, at, lineBreaks: true);
        if (i < text.Length && text[i] == '[')
        {
            var close = LatexSource.ClosingBracket(text, i);
            _ = int.TryParse(text.AsSpan((i + 1)..Math.Min(close, text.Length)).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parameters);
            parameters = Math.Clamp(parameters, 0, 9);
            i = LatexSource.SkipSpaces(text, Math.Min(close + 1, text.Length), lineBreaks: true);
            if (i < text.Length && text[i] == '[')
            {
                close = LatexSource.ClosingBracket(text, i);
                optional = text[(i + 1)..Math.Min(close, text.Length)];
                i = Math.Min(close + 1, text.Length);
            }
        }

        var (body, after) = ReadArgument(source, i);
        return (parameters, optional, body, after);
    }

    /// <summary><c>\def\name#1#2{body}</c>; a definition with delimited parameters is dropped rather than guessed.</summary>
    private int DefineByDef(ArgumentEnds source, int at)
    {
        var text = source.Text;
        var i = LatexSource.SkipSpaces(text, at, lineBreaks: false);
        if (i >= text.Length || text[i] != '\\')
        {
            return at;
        }

        var nameEnd = i + 1;
        while (nameEnd < text.Length && char.IsLetter(text[nameEnd]))
        {
            nameEnd++;
        }

        var open = text.IndexOf('{', nameEnd);
        if (open < 0)
        {
            return nameEnd; // no body anywhere after it: the definition is left out, the rest of the text is read
        }

        var signature = text.AsSpan(nameEnd, open - nameEnd).Trim();
        var close = source.End(open);
        var after = source.After(close);
        var parameters = signature.Length / 2;
        var plain = signature.Length % 2 == 0 && signature.Length <= 18;
        for (var k = 0; plain && k < parameters; k++)
        {
            plain = signature[2 * k] == '#' && signature[(2 * k) + 1] == (char)('1' + k);
        }

        if (plain && nameEnd > i + 1)
        {
            commands[text[(i + 1)..nameEnd]] = new Macro(parameters, null, text[(open + 1)..close]);
        }

        return after;
    }

    /// <summary><c>\newenvironment{name}[n][default]{begin}{end}</c>.</summary>
    private int DefineEnvironment(ArgumentEnds source, int at)
    {
        var i = at < source.Text.Length && source.Text[at] == '*' ? at + 1 : at;
        var (name, afterName) = ReadArgument(source, i);
        var (parameters, optional, begin, afterBegin) = ReadSignatureAndBody(source, afterName);
        var (end, after) = ReadArgument(source, afterBegin);
        environments[name.Trim()] = (new Macro(parameters, optional, begin), end);
        return after;
    }
}
