using Lucene.Net.QueryParsers.Classic;

namespace Talent.Search.QueryCost;

/// <summary>A parsed regular expression or wildcard: character sets, sequences, alternatives and repetitions.</summary>
internal abstract record PatternNode
{
    public const int MaxCodePoint = 0x10FFFF;

    /// <summary>Any one code point (<c>.</c> and <c>?</c>).</summary>
    public static PatternNode AnyChar { get; } = new CharSet([(0, MaxCodePoint)]);

    /// <summary>Any string (<c>@</c> and <c>*</c>).</summary>
    public static PatternNode AnyString { get; } = new Repeat(AnyChar, 0, Repeat.Unbounded);

    public static PatternNode Char(int codePoint) => new CharSet([(codePoint, codePoint)]);

    /// <summary>One code point from the ranges.</summary>
    public sealed record CharSet(IReadOnlyList<(int Min, int Max)> Ranges) : PatternNode;

    /// <summary>Each item after the other; none is the empty string.</summary>
    public sealed record Sequence(IReadOnlyList<PatternNode> Items) : PatternNode;

    /// <summary>Any one of the options.</summary>
    public sealed record Choice(IReadOnlyList<PatternNode> Options) : PatternNode;

    /// <summary><see cref="Body"/> from <see cref="Min"/> to <see cref="Max"/> times.</summary>
    public sealed record Repeat(PatternNode Body, int Min, int Max) : PatternNode
    {
        public const int Unbounded = -1;
    }

    /// <summary>No string at all (<c>#</c>).</summary>
    public sealed record Nothing : PatternNode;
}

/// <summary>
/// Lucene's regular-expression syntax (<c>/…/</c> in a query: <c>| * + ? {n,m} [a-z] [^a] . " " ( ) # @ \</c>) and its
/// wildcard syntax (<c>* ? \</c>) read into <see cref="PatternNode"/>s, with the limits checked while reading: a
/// repetition bound over <see cref="QueryLimits.MaxRegexRepeat"/> or groups nested deeper than
/// <see cref="QueryLimits.MaxNesting"/> are refused here, before any automaton exists. Complement (<c>~</c>),
/// intersection (<c>&amp;</c>) and numeric intervals (<c>&lt;1-10&gt;</c>) are refused: the first two need an automaton
/// built by determinizing without a bound, the last can expand to any number of states.
/// </summary>
internal sealed class PatternSyntax
{
    private readonly string text;
    private readonly QueryLimits limits;
    private int position;
    private int depth;

    private PatternSyntax(string text, QueryLimits limits)
    {
        this.text = text;
        this.limits = limits;
    }

    public static PatternNode ParseRegex(string regex, QueryLimits limits)
    {
        var syntax = new PatternSyntax(regex, limits);
        var node = syntax.Choice();
        if (syntax.position < regex.Length)
        {
            throw syntax.Error($"unexpected '{regex[syntax.position]}'");
        }

        return node;
    }

    public static PatternNode ParseWildcard(string wildcard)
    {
        var items = new List<PatternNode>();
        for (var i = 0; i < wildcard.Length; i++)
        {
            switch (wildcard[i])
            {
                case '*':
                    items.Add(PatternNode.AnyString);
                    break;
                case '?':
                    items.Add(PatternNode.AnyChar);
                    break;
                case '\\' when i + 1 < wildcard.Length:
                    i++;
                    items.Add(PatternNode.Char(CodePointAt(wildcard, ref i)));
                    break;
                default:
                    items.Add(PatternNode.Char(CodePointAt(wildcard, ref i)));
                    break;
            }
        }

        return new PatternNode.Sequence(items);
    }

    private static int CodePointAt(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            i++;
            return char.ConvertToUtf32(s[i - 1], s[i]);
        }

        return s[i];
    }

    private bool More => position < text.Length;

    private bool Peek(char c) => More && text[position] == c;

    private bool Match(char c)
    {
        if (!Peek(c))
        {
            return false;
        }

        position++;
        return true;
    }

    private Exception Error(string what) =>
        new ParseException($"Bad regular expression /{QueryRefusedException.Quote(text)}/: {what} at position {position}.");

    private PatternNode Choice()
    {
        var options = new List<PatternNode> { Sequence() };
        while (Match('|'))
        {
            options.Add(Sequence());
        }

        return options.Count == 1 ? options[0] : new PatternNode.Choice(options);
    }

    private PatternNode Sequence()
    {
        var items = new List<PatternNode>();
        while (More && !Peek(')') && !Peek('|'))
        {
            items.Add(Repetition());
        }

        return items.Count == 1 ? items[0] : new PatternNode.Sequence(items);
    }

    private PatternNode Repetition()
    {
        var node = Atom();
        var operators = 0;
        while (More)
        {
            if (Match('?'))
            {
                node = new PatternNode.Repeat(node, 0, 1);
            }
            else if (Match('*'))
            {
                node = new PatternNode.Repeat(node, 0, PatternNode.Repeat.Unbounded);
            }
            else if (Match('+'))
            {
                node = new PatternNode.Repeat(node, 1, PatternNode.Repeat.Unbounded);
            }
            else if (Match('{'))
            {
                node = Bounds(node);
            }
            else
            {
                break;
            }

            // Each operator is one more level of the pattern: "a**********…" nests as deeply as a group would.
            operators++;
            Deeper(1);
        }

        depth -= operators;
        return node;
    }

    private PatternNode.Repeat Bounds(PatternNode node)
    {
        var start = position - 1;
        var min = Number() ?? throw Error("a repetition needs a number after '{'");
        var max = min;
        if (Match(','))
        {
            max = Number() ?? PatternNode.Repeat.Unbounded;
        }

        if (!Match('}'))
        {
            throw Error("a repetition needs a closing '}'");
        }

        if (max != PatternNode.Repeat.Unbounded && max < min)
        {
            throw Error($"the repetition {text[start..position]} has its bounds the wrong way round");
        }

        if (Math.Max(min, max) > limits.MaxRegexRepeat)
        {
            throw new QueryRefusedException(
                $"The regular expression /{QueryRefusedException.Quote(text)}/ repeats {text[start..position]}; the largest repetition bound allowed is {limits.MaxRegexRepeat} (Talent:Search:Limits:MaxRegexRepeat).");
        }

        return new PatternNode.Repeat(node, min, max);
    }

    /// <summary>Digits as a number, saturating far above any allowed bound (so 99999999999 is refused, not an overflow).</summary>
    private int? Number()
    {
        var start = position;
        var value = 0L;
        while (More && text[position] is >= '0' and <= '9')
        {
            value = Math.Min((value * 10) + (text[position] - '0'), int.MaxValue);
            position++;
        }

        return position == start ? null : (int)value;
    }

    private PatternNode Atom()
    {
        var c = text[position];
        switch (c)
        {
            case '~' or '&':
                throw new QueryRefusedException(
                    $"The regular expression /{QueryRefusedException.Quote(text)}/ uses '{c}' (complement or intersection), which is not supported; escape it as \\{c} to match the character.");
            case '<':
                throw new QueryRefusedException(
                    $"The regular expression /{QueryRefusedException.Quote(text)}/ uses '<' (a numeric interval), which is not supported; escape it as \\< to match the character.");
            case '.':
                position++;
                return PatternNode.AnyChar;
            case '#':
                position++;
                return new PatternNode.Nothing();
            case '@':
                position++;
                return PatternNode.AnyString;
            case '"':
                return Quoted();
            case '[':
                return CharClass();
            case '(':
                return Group();
            default:
                return PatternNode.Char(Literal());
        }
    }

    private PatternNode.Sequence Quoted()
    {
        position++;
        var items = new List<PatternNode>();
        while (More && !Peek('"'))
        {
            var i = position;
            items.Add(PatternNode.Char(CodePointAt(text, ref i)));
            position = i + 1;
        }

        if (!Match('"'))
        {
            throw Error("a quoted string needs a closing '\"'");
        }

        return new PatternNode.Sequence(items);
    }

    private PatternNode Group()
    {
        position++;
        Deeper(1);
        var inner = Peek(')') ? new PatternNode.Sequence([]) : Choice();
        if (!Match(')'))
        {
            throw Error("a group needs a closing ')'");
        }

        depth--;
        return inner;
    }

    private void Deeper(int levels)
    {
        depth += levels;
        if (depth > limits.MaxNesting)
        {
            throw new QueryRefusedException(
                $"The regular expression /{QueryRefusedException.Quote(text)}/ nests groups and repetitions {depth} deep; the limit is {limits.MaxNesting} (Talent:Search:Limits:MaxNesting).");
        }
    }

    /// <summary>A character (an escaped one included) as a code point.</summary>
    private int Literal()
    {
        if (Match('\\') && !More)
        {
            throw Error("'\\' at the end escapes nothing");
        }

        var i = position;
        var codePoint = CodePointAt(text, ref i);
        position = i + 1;
        return codePoint;
    }

    private PatternNode.CharSet CharClass()
    {
        position++;
        var negated = Match('^');
        var ranges = new List<(int Min, int Max)>();
        while (More && !Peek(']'))
        {
            var low = Literal();
            var high = low;
            if (Peek('-') && position + 1 < text.Length && text[position + 1] != ']')
            {
                position++;
                high = Literal();
                if (high < low)
                {
                    throw Error("a character range has its ends the wrong way round");
                }
            }

            ranges.Add((low, high));
        }

        if (!Match(']') || ranges.Count == 0)
        {
            throw Error("a character class needs characters and a closing ']'");
        }

        var merged = Merge(ranges);
        return new PatternNode.CharSet(negated ? Complement(merged) : merged);
    }

    private static List<(int Min, int Max)> Merge(List<(int Min, int Max)> ranges)
    {
        var merged = new List<(int Min, int Max)>();
        foreach (var (min, max) in ranges.OrderBy(r => r.Min))
        {
            if (merged.Count > 0 && min <= merged[^1].Max + 1)
            {
                merged[^1] = (merged[^1].Min, Math.Max(merged[^1].Max, max));
            }
            else
            {
                merged.Add((min, max));
            }
        }

        return merged;
    }

    private static List<(int Min, int Max)> Complement(List<(int Min, int Max)> merged)
    {
        var result = new List<(int Min, int Max)>();
        var next = 0;
        foreach (var (min, max) in merged)
        {
            if (min > next)
            {
                result.Add((next, min - 1));
            }

            next = max + 1;
        }

        if (next <= PatternNode.MaxCodePoint)
        {
            result.Add((next, PatternNode.MaxCodePoint));
        }

        return result;
    }
}
