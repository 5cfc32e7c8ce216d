using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Talent.Storage;

/// <summary>
/// The SQLite FTS5 ranking baseline: one row per key in an in-memory FTS5 table (Porter stemming), scored
/// with FTS5's built-in bm25. A baseline for ranking quality, not a search engine Talent uses.
/// </summary>
public sealed class FtsBaseline : IDisposable
{
    private readonly SqliteConnection connection;

    /// <summary>Indexes one row per key: the concatenation of its texts.</summary>
    public FtsBaseline(IEnumerable<KeyValuePair<string, string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("""
            CREATE VIRTUAL TABLE baseline USING fts5(key UNINDEXED, body, tokenize = 'porter unicode61')
            """);
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            """
            INSERT INTO baseline (key, body) VALUES (@Key, @Body)
            """,
            documents.Select(d => new { d.Key, Body = d.Value }),
            transaction);
        transaction.Commit();
    }

    /// <summary>FTS5 bm25 of every row matching any word of <paramref name="text"/>, by key; higher is better.</summary>
    public IReadOnlyDictionary<string, double> Score(string text)
    {
        var match = MatchExpression(text);
        if (match.Length == 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        // bm25() is lower for better matches in FTS5; negated so higher is better, like Lucene's scores.
        return connection.Query<(string Key, double Score)>(
                """
                SELECT key, -bm25(baseline) FROM baseline WHERE baseline MATCH @match
                """,
                new { match })
            .ToDictionary(r => r.Key, r => r.Score, StringComparer.Ordinal);
    }

    public void Dispose() => connection.Dispose();

    /// <summary>Every distinct word as a quoted string, joined with OR: the same bag of words BM25 gets.</summary>
    internal static string MatchExpression(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                if (words.Add(word.ToString()))
                {
                    order.Add(word.ToString());
                }

                word.Clear();
            }
        }

        return string.Join(" OR ", order.Select(w => "\"" + w + "\""));
    }
}
