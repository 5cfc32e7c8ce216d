using System.CommandLine;
using System.CommandLine.Parsing;

namespace Talent.Cli;

/// <summary>The one line a command line that does not parse gets: the word not understood, or the value of the wrong kind.</summary>
internal static class ParseErrors
{
    /// <summary>
    /// The line for a command line that parsed but names an option the command does not have (<c>talent search --size 5</c>):
    /// the parser hands <c>--size</c> to a free-text argument. Null when there is none; a word after <c>--</c> is an argument.
    /// </summary>
    public static string? UnknownOption(ParseResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 2 && token.Value.StartsWith("--", StringComparison.Ordinal))
            {
                var path = PathOf(result.CommandResult);
                return $"unrecognized option '{token.Value}' ({path} --help lists what {path} takes)";
            }
        }

        return null;
    }

    public static string FirstLine(ParseResult result)
    {
        if (UnknownOption(result) is { } option)
        {
            return option;
        }

        if (result.UnmatchedTokens.Count > 0)
        {
            // The parser also reports the command missing before the word; the word is what the user got wrong.
            var path = PathOf(result.CommandResult);
            return $"unrecognized command or argument '{result.UnmatchedTokens[0]}' ({path} --help lists what {path} takes)";
        }

        foreach (var error in result.Errors)
        {
            if ((NotOfItsKind(error) ?? NotAmongItsValues(error) ?? CommandMissing(error)) is { } line)
            {
                return line;
            }
        }

        return result.Errors[0].Message;
    }

    /// <summary>A group of commands (<c>talent</c>, <c>talent admin</c>) given without one of its commands.</summary>
    private static string? CommandMissing(ParseError error)
    {
        if (error.SymbolResult is not CommandResult { Command.Subcommands.Count: > 0, Command.Action: null } group)
        {
            return null;
        }

        var path = PathOf(group);
        return $"{path} needs a command ({path} --help lists them)";
    }

    /// <summary>How the user types the command: <c>talent admin</c>.</summary>
    private static string PathOf(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is CommandResult parsed; at = at.Parent)
        {
            names.Insert(0, parsed.Parent is null ? "talent" : parsed.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>
    /// An option that takes one of a few words (<c>--format csv|json</c>) given another: the parser's message lists them on
    /// lines of their own.
    /// </summary>
    private static string? NotAmongItsValues(ParseError error)
    {
        if (error.SymbolResult is not OptionResult { Tokens: [var token] } option)
        {
            return null;
        }

        var values = option.Option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).ToList();
        return values.Count == 0 || values.Contains(token.Value, StringComparer.Ordinal)
            ? null
            : $"{option.Option.Name} expects one of {string.Join(", ", values)}, not '{token.Value}'";
    }

    /// <summary>A number option or argument given something else, said without the parser's .NET type names.</summary>
    private static string? NotOfItsKind(ParseError error)
    {
        var (name, type) = error.SymbolResult switch
        {
            OptionResult option => (option.Option.Name, option.Option.ValueType),
            ArgumentResult argument => (argument.Argument.Name, argument.Argument.ValueType),
            _ => (null, null),
        };
        if (name is null || type is null || error.SymbolResult?.Tokens is not [var token])
        {
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(double) ? "a number"
            : null;
        return kind is null ? null : $"{name} expects {kind}, not '{token.Value}'";
    }
}
