using System.ComponentModel.DataAnnotations;

namespace Talent.Search.QueryCost;

/// <summary>
/// What one query may cost (<c>Talent:Search:Limits</c>): a query that would build a large automaton, expand too many
/// terms or nest too deeply is refused before Lucene sees it, and one that runs past its time budget is stopped.
/// </summary>
public sealed class QueryLimits : IValidatableObject
{
    /// <summary>Largest repetition bound in a regular expression (<c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>).</summary>
    public int MaxRegexRepeat { get; init; } = 50;

    /// <summary>Most states of the deterministic automaton one regular expression or wildcard term compiles to.</summary>
    public int MaxAutomatonStates { get; init; } = 1000;

    /// <summary>Most wildcard, prefix, fuzzy, regular-expression and range terms in one query.</summary>
    public int MaxExpensiveTerms { get; init; } = 10;

    /// <summary>Most index terms one wildcard, prefix, fuzzy, regular-expression or range term expands to (the best ones).</summary>
    public int MaxExpansions { get; init; } = 128;

    /// <summary>Deepest nesting of parentheses in a query, and of groups in a regular expression.</summary>
    public int MaxNesting { get; init; } = 32;

    /// <summary>Whether a wildcard term may start with <c>*</c> or <c>?</c> (it then visits every term of the field).</summary>
    public bool AllowLeadingWildcard { get; init; }

    /// <summary>Milliseconds of work one search or match may take before it is stopped and answered as over budget.</summary>
    public int TimeBudgetMilliseconds { get; init; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value, min, max) in new (string, int, int, int)[]
        {
            (nameof(MaxRegexRepeat), MaxRegexRepeat, 1, 1000),
            (nameof(MaxAutomatonStates), MaxAutomatonStates, 10, 10_000),
            (nameof(MaxExpensiveTerms), MaxExpensiveTerms, 0, 100),
            (nameof(MaxExpansions), MaxExpansions, 1, 1024),
            (nameof(MaxNesting), MaxNesting, 1, 100),
            (nameof(TimeBudgetMilliseconds), TimeBudgetMilliseconds, 10, 600_000),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"Limits:{name} must be between {min} and {max}, not {value}", [name]);
            }
        }
    }
}
