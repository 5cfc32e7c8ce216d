using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Talent.Search.QueryCost;

/// <summary>
/// The multi-term queries of a search, each expanding to at most <see cref="QueryLimits.MaxExpansions"/> index terms
/// and spending from the search's <see cref="QueryBudget"/> for every term it visits, so expanding a wildcard over a
/// large term dictionary stops when the caller goes away or the time budget runs out.
/// </summary>
internal static class BudgetedQueries
{
    /// <summary>Terms visited between two looks at the budget.</summary>
    private const int CheckEvery = 64;

    /// <summary>
    /// Every term a wildcard, prefix or range matches scores alike, so the first <paramref name="maxExpansions"/> in term
    /// order are the ones a top-N rewrite would keep: the enumeration stops there instead of visiting the rest.
    /// </summary>
    public static MultiTermQuery.RewriteMethod FirstTerms(int maxExpansions) => new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(maxExpansions);

    /// <summary>Counts the terms <paramref name="inner"/> returns, and ends it after <paramref name="stopAfter"/> (when given).</summary>
    public static TermsEnum Counted(TermsEnum inner, QueryBudget budget, int? stopAfter) =>
        inner == TermsEnum.EMPTY ? inner : new CountedTermsEnum(inner, budget, stopAfter);

    /// <summary>A regular expression or wildcard compiled by <see cref="PatternAutomaton"/>, shared by every field it is searched in.</summary>
    public sealed class Pattern : MultiTermQuery
    {
        private readonly CompiledPattern compiled;
        private readonly string shown;
        private readonly QueryBudget budget;
        private readonly int maxExpansions;

        public Pattern(string field, string shown, CompiledPattern compiled, QueryBudget budget, int maxExpansions)
            : base(field)
        {
            this.compiled = compiled;
            this.shown = shown;
            this.budget = budget;
            this.maxExpansions = maxExpansions;
            MultiTermRewriteMethod = FirstTerms(maxExpansions);
        }

        public override string ToString(string field) =>
            (string.Equals(field, Field, StringComparison.Ordinal) ? "" : Field + ":") + shown + ToStringUtils.Boost(Boost);

        public override bool Equals(object? obj) =>
            obj is Pattern other && base.Equals(other) && ReferenceEquals(compiled, other.compiled);

        public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), shown);

        protected override TermsEnum GetTermsEnum(Terms terms, Lucene.Net.Util.AttributeSource atts) =>
            compiled.Automaton.Type == CompiledAutomaton.AUTOMATON_TYPE.NORMAL
                ? new PatternTermsEnum(terms.GetEnumerator(), compiled, budget, maxExpansions)
                : Counted(compiled.Automaton.GetTermsEnum(terms), budget, maxExpansions);
    }

    /// <summary>A compiled pattern and the literal prefix every term it matches starts with (empty when there is none).</summary>
    public sealed record CompiledPattern(CompiledAutomaton Automaton, BytesRef Prefix)
    {
        public static CompiledPattern Of(Automaton automaton) =>
            new(new CompiledAutomaton(automaton), new BytesRef(SpecialOperations.GetCommonPrefix(automaton)));
    }

    public sealed class Prefix : PrefixQuery
    {
        private readonly QueryBudget budget;
        private readonly int maxExpansions;

        public Prefix(Term prefix, QueryBudget budget, int maxExpansions)
            : base(prefix)
        {
            this.budget = budget;
            this.maxExpansions = maxExpansions;
            MultiTermRewriteMethod = FirstTerms(maxExpansions);
        }

        protected override TermsEnum GetTermsEnum(Terms terms, Lucene.Net.Util.AttributeSource atts) =>
            Counted(base.GetTermsEnum(terms, atts), budget, maxExpansions);
    }

    public sealed class Range : TermRangeQuery
    {
        private readonly QueryBudget budget;
        private readonly int maxExpansions;

        public Range(string field, BytesRef? lower, BytesRef? upper, bool includeLower, bool includeUpper, QueryBudget budget, int maxExpansions)
            : base(field, lower, upper, includeLower, includeUpper)
        {
            this.budget = budget;
            this.maxExpansions = maxExpansions;
            MultiTermRewriteMethod = FirstTerms(maxExpansions);
        }

        protected override TermsEnum GetTermsEnum(Terms terms, Lucene.Net.Util.AttributeSource atts) =>
            Counted(base.GetTermsEnum(terms, atts), budget, maxExpansions);
    }

    /// <summary>Fuzzy terms rank by similarity, so every candidate term is visited (counted) and the best are kept.</summary>
    public sealed class Fuzzy : FuzzyQuery
    {
        private readonly QueryBudget budget;

        public Fuzzy(Term term, int maxEdits, int prefixLength, QueryBudget budget, int maxExpansions)
            : base(term, maxEdits, prefixLength, maxExpansions, transpositions: true)
        {
            this.budget = budget;
        }

        protected override TermsEnum GetTermsEnum(Terms terms, Lucene.Net.Util.AttributeSource atts)
        {
            // Each call builds Levenshtein automata and intersects them with a segment's terms: look at the token first.
            budget.Check();
            return Counted(base.GetTermsEnum(new BudgetedTerms(terms, budget), atts), budget, stopAfter: null);
        }
    }

    private sealed class CountedTermsEnum(TermsEnum inner, QueryBudget budget, int? stopAfter) : FilteredTermsEnum(inner, startWithSeek: false)
    {
        private int returned;

        protected override AcceptStatus Accept(BytesRef term)
        {
            if (++returned % CheckEvery == 0)
            {
                budget.Spend(CheckEvery);
            }

            return returned > stopAfter ? AcceptStatus.END : AcceptStatus.YES;
        }
    }

    /// <summary>
    /// The terms a pattern matches, from its literal prefix on (or from the first term), each one looked at counted,
    /// the ones it rejects included: Lucene's own intersection would walk the term dictionary without a word to anyone.
    /// </summary>
    private sealed class PatternTermsEnum : FilteredTermsEnum
    {
        private readonly CompiledPattern pattern;
        private readonly QueryBudget budget;
        private readonly int stopAfter;
        private int visited;
        private int accepted;

        public PatternTermsEnum(TermsEnum inner, CompiledPattern pattern, QueryBudget budget, int stopAfter)
            : base(inner, startWithSeek: true)
        {
            this.pattern = pattern;
            this.budget = budget;
            this.stopAfter = stopAfter;
            SetInitialSeekTerm(pattern.Prefix);
        }

        protected override AcceptStatus Accept(BytesRef term)
        {
            if (++visited % CheckEvery == 0)
            {
                budget.Spend(CheckEvery);
            }

            if (accepted >= stopAfter || !StringHelper.StartsWith(term, pattern.Prefix))
            {
                return AcceptStatus.END;
            }

            if (!pattern.Automaton.RunAutomaton.Run(term.Bytes, term.Offset, term.Length))
            {
                return AcceptStatus.NO;
            }

            accepted++;
            return AcceptStatus.YES;
        }
    }

    /// <summary>A field's terms whose automaton intersections and enumerations count every term they step on against the budget.</summary>
    private sealed class BudgetedTerms(Terms inner, QueryBudget budget) : Lucene.Net.Index.FilterAtomicReader.FilterTerms(inner)
    {
        public override TermsEnum Intersect(Lucene.Net.Util.Automaton.CompiledAutomaton compiled, BytesRef? startTerm) =>
            new SteppedTermsEnum(base.Intersect(compiled, startTerm), budget);

        public override TermsEnum GetEnumerator() => new SteppedTermsEnum(base.GetEnumerator(), budget);

        public override TermsEnum GetEnumerator(TermsEnum reuse) => GetEnumerator();
    }

    /// <summary>A terms enumeration that does everything its inner one does and spends from the budget at every step.</summary>
    private sealed class SteppedTermsEnum(TermsEnum inner, QueryBudget budget) : Lucene.Net.Index.FilterAtomicReader.FilterTermsEnum(inner)
    {
        private int steps;

        public override bool MoveNext()
        {
            if (++steps % CheckEvery == 0)
            {
                budget.Spend(CheckEvery);
            }

            return base.MoveNext();
        }

        // The codec's own term state, so a term query built from an expansion seeks straight to it.
        public override TermState GetTermState() => m_input.GetTermState();

        public override void SeekExact(BytesRef term, TermState state) => m_input.SeekExact(term, state);
    }
}
