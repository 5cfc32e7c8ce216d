namespace Talent.Search.QueryCost;

/// <summary>
/// The work one search may do. Every collector and term enumeration of the search spends from it (a unit per
/// document collected or index term visited) and checks its token every few hundred units, so a search stops soon
/// after its caller goes away or its time budget runs out, wherever it is: expanding a wildcard, scoring or counting
/// facets.
/// </summary>
internal sealed class QueryBudget(CancellationToken token)
{
    /// <summary>Units spent between two looks at the token.</summary>
    public const int CheckEvery = 256;

    private long spent;

    /// <summary>A new budget that never runs out (for searches run from code that bounds them itself).</summary>
    public static QueryBudget Unlimited => new(CancellationToken.None);

    /// <summary>The search's token, for work outside Lucene (a query's sentence vector).</summary>
    public CancellationToken Token => token;

    /// <summary>Units spent so far.</summary>
    public long Spent => Interlocked.Read(ref spent);

    /// <summary>Records <paramref name="units"/> of work and stops the search when its token is cancelled.</summary>
    public void Spend(int units)
    {
        Interlocked.Add(ref spent, units);
        token.ThrowIfCancellationRequested();
    }

    /// <summary>Stops the search when its token is cancelled.</summary>
    public void Check() => token.ThrowIfCancellationRequested();
}

/// <summary>Counts every document a collector is handed against the search's <see cref="QueryBudget"/>.</summary>
internal sealed class BudgetedCollector(Lucene.Net.Search.ICollector inner, QueryBudget budget) : Lucene.Net.Search.ICollector
{
    private int collected;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Lucene.Net.Search.Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(Lucene.Net.Index.AtomicReaderContext context)
    {
        budget.Check();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++collected % QueryBudget.CheckEvery == 0)
        {
            budget.Spend(QueryBudget.CheckEvery);
        }

        inner.Collect(doc);
    }
}
