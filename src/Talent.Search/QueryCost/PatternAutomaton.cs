using Lucene.Net.Util.Automaton;

namespace Talent.Search.QueryCost;

/// <summary>
/// Compiles a <see cref="PatternNode"/> to the deterministic automaton an <c>AutomatonQuery</c> runs over the term
/// dictionary, counting as it goes: the nondeterministic automaton may have at most <see cref="NfaStatesPerDfaState"/>
/// times <see cref="QueryLimits.MaxAutomatonStates"/> states, and the deterministic one at most
/// <see cref="QueryLimits.MaxAutomatonStates"/> (Lucene's own construction in this version has no such bound: it
/// determinizes without a limit, and recurses over long automata until the stack overflows).
/// </summary>
internal static class PatternAutomaton
{
    /// <summary>Room for the nondeterministic automaton, per state allowed in the deterministic one.</summary>
    private const int NfaStatesPerDfaState = 10;

    public static Automaton Compile(PatternNode pattern, string shown, QueryLimits limits, QueryBudget budget)
    {
        Exception TooLarge() => new QueryRefusedException(
            $"The term {QueryRefusedException.Quote(shown)} would need an automaton of more than {limits.MaxAutomatonStates} states (Talent:Search:Limits:MaxAutomatonStates); use fewer wildcards, repetitions and alternatives.");

        var nfa = new Nfa(limits.MaxAutomatonStates * NfaStatesPerDfaState, TooLarge);
        var (start, end) = nfa.Build(pattern);
        var automaton = new Automaton(Determinize(nfa, start, end, limits.MaxAutomatonStates, budget, TooLarge));
        automaton.RemoveDeadTransitions();
        return automaton;
    }

    /// <summary>The subset construction, stopping as soon as it needs more than <paramref name="maxStates"/> states.</summary>
    private static State Determinize(Nfa nfa, int start, int end, int maxStates, QueryBudget budget, Func<Exception> tooLarge)
    {
        var states = new Dictionary<int[], State>(SetComparer.Instance);
        var pending = new Queue<int[]>();
        State StateOf(int[] set)
        {
            if (!states.TryGetValue(set, out var state))
            {
                if (states.Count >= maxStates)
                {
                    throw tooLarge();
                }

                state = new State { Accept = Array.BinarySearch(set, end) >= 0 };
                states[set] = state;
                pending.Enqueue(set);
            }

            return state;
        }

        var initial = StateOf(nfa.Closure([start]));
        while (pending.TryDequeue(out var set))
        {
            budget.Check();
            var from = states[set];
            var edges = set.SelectMany(s => nfa.Edges(s)).ToList();
            var points = edges.SelectMany(e => new[] { e.Min, e.Max + 1 }).Distinct().Order().ToArray();
            var targets = new List<int>[points.Length];
            foreach (var (min, max, to) in edges)
            {
                for (var k = Array.BinarySearch(points, min); k < points.Length && points[k] <= max; k++)
                {
                    (targets[k] ??= []).Add(to);
                }
            }

            Transition? open = null;
            for (var k = 0; k < points.Length; k++)
            {
                if (targets[k] is null)
                {
                    FlushTransition(from, ref open);
                    continue;
                }

                var to = StateOf(nfa.Closure(targets[k]));
                var last = points[k + 1] - 1; // an interval with targets ends before the next point
                if (open is not null && open.Dest == to)
                {
                    open = new Transition(open.Min, last, to);
                }
                else
                {
                    FlushTransition(from, ref open);
                    open = new Transition(points[k], last, to);
                }
            }

            FlushTransition(from, ref open);
        }

        return initial;
    }

    private static void FlushTransition(State from, ref Transition? open)
    {
        if (open is not null)
        {
            from.AddTransition(open);
            open = null;
        }
    }

    /// <summary>A nondeterministic automaton with empty moves, built by Thompson's construction.</summary>
    private sealed class Nfa(int maxStates, Func<Exception> tooLarge)
    {
        private readonly List<List<int>?> epsilons = [];
        private readonly List<List<(int Min, int Max, int To)>?> edges = [];

        public IEnumerable<(int Min, int Max, int To)> Edges(int state) => edges[state] ?? [];

        public (int Start, int End) Build(PatternNode node)
        {
            switch (node)
            {
                case PatternNode.CharSet set:
                    {
                        var (start, end) = (Add(), Add());
                        foreach (var (min, max) in set.Ranges)
                        {
                            (edges[start] ??= []).Add((min, max, end));
                        }

                        return (start, end);
                    }

                case PatternNode.Sequence sequence:
                    {
                        var start = Add();
                        var end = start;
                        foreach (var item in sequence.Items)
                        {
                            var part = Build(item);
                            Epsilon(end, part.Start);
                            end = part.End;
                        }

                        return (start, end);
                    }

                case PatternNode.Choice choice:
                    {
                        var (start, end) = (Add(), Add());
                        foreach (var option in choice.Options)
                        {
                            var part = Build(option);
                            Epsilon(start, part.Start);
                            Epsilon(part.End, end);
                        }

                        return (start, end);
                    }

                case PatternNode.Repeat repeat:
                    return Repeat(repeat);

                default:
                    return (Add(), Add());
            }
        }

        /// <summary>The states reachable from <paramref name="seeds"/> by empty moves, sorted.</summary>
        public int[] Closure(IEnumerable<int> seeds)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<int>(seeds);
            while (stack.TryPop(out var state))
            {
                if (seen.Add(state))
                {
                    foreach (var next in epsilons[state] ?? [])
                    {
                        stack.Push(next);
                    }
                }
            }

            var closure = seen.ToArray();
            Array.Sort(closure);
            return closure;
        }

        private (int Start, int End) Repeat(PatternNode.Repeat repeat)
        {
            var start = Add();
            var current = start;
            for (var i = 0; i < repeat.Min; i++)
            {
                var part = Build(repeat.Body);
                Epsilon(current, part.Start);
                current = part.End;
            }

            var end = Add();
            if (repeat.Max == PatternNode.Repeat.Unbounded)
            {
                var loop = Build(repeat.Body);
                Epsilon(current, loop.Start);
                Epsilon(loop.End, loop.Start);
                Epsilon(loop.End, end);
                Epsilon(current, end);
                return (start, end);
            }

            for (var i = repeat.Min; i < repeat.Max; i++)
            {
                Epsilon(current, end);
                var part = Build(repeat.Body);
                Epsilon(current, part.Start);
                current = part.End;
            }

            Epsilon(current, end);
            return (start, end);
        }

        private int Add()
        {
            if (edges.Count >= maxStates)
            {
                throw tooLarge();
            }

            epsilons.Add(null);
            edges.Add(null);
            return edges.Count - 1;
        }

        private void Epsilon(int from, int to) => (epsilons[from] ??= []).Add(to);
    }

    private sealed class SetComparer : IEqualityComparer<int[]>
    {
        public static SetComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
