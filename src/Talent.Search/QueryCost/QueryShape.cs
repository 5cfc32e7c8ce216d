namespace Talent.Search.QueryCost;

/// <summary>
/// What a query string holds, read by one linear scan before any parsing: how deeply its parentheses nest, and whether
/// it has wildcard, fuzzy, proximity, regular-expression or range syntax (an expensive query). Quoted phrases, escaped
/// characters and the inside of <c>/regular expressions/</c> are skipped as Lucene's parser skips them.
/// </summary>
public static class QueryShape
{
    /// <summary>Whether <paramref name="query"/> has syntax that expands to many index terms or costs more than plain words.</summary>
    public static bool IsExpensive(string query) => Scan(query).Expensive;

    /// <summary>The deepest nesting of parentheses in <paramref name="query"/>.</summary>
    internal static int Nesting(string query) => Scan(query).Deepest;

    private static (int Deepest, bool Expensive) Scan(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var depth = 0;
        var deepest = 0;
        var expensive = false;
        char? closing = null; // inside "…" or /…/ until this character
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (closing is not null)
            {
                closing = c == closing ? null : closing;
                continue;
            }

            switch (c)
            {
                case '"':
                    closing = '"';
                    break;
                case '/':
                    closing = '/';
                    expensive = true;
                    break;
                case '(':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '*' or '?' or '~' or '[' or '{':
                    expensive = true;
                    break;
            }
        }

        return (deepest, expensive);
    }
}
