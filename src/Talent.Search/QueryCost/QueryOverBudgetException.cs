namespace Talent.Search.QueryCost;

/// <summary>A match or similar-candidates request stopped because it ran past <see cref="QueryLimits.TimeBudgetMilliseconds"/>.</summary>
public sealed class QueryOverBudgetException(string message) : Exception(message)
{
    public static string Describe(int budgetMilliseconds) =>
        $"The request was stopped after its time budget of {budgetMilliseconds} ms (Talent:Search:Limits:TimeBudgetMilliseconds); narrow it or retry later.";
}
