using System.Reflection;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Tests;

/// <summary>
/// Every pattern the extractor runs is linear in its input: built for the non-backtracking engine, with no wall-clock
/// timeout that a busy machine could trip (a timed-out pattern would turn a good document into a rejection).
/// </summary>
public sealed class PatternSafetyTests
{
    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var method in PatternMethods())
        {
            data.Add(method.DeclaringType!.Name + "." + method.Name);
        }

        return data;
    }

    [Fact]
    public void The_extractor_has_patterns_to_check() => Assert.True(PatternMethods().Count() > 40);

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Each_pattern_is_non_backtracking_without_a_timeout(string name)
    {
        var method = PatternMethods().Single(m => m.DeclaringType!.Name + "." + m.Name == name);

        var regex = (Regex)method.Invoke(null, null)!; // builds the automaton: too large a pattern fails here
        var hostile = new string('a', 200_000) + "@" + new string('1', 50_000) + new string('*', 10_000) + new string('<', 10_000);

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking), $"{name} can backtrack");
        Assert.Equal(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        Assert.True(regex.Matches(hostile).Count >= 0);
    }

    private static IEnumerable<MethodInfo> PatternMethods() =>
        typeof(ExtractedProfile).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null);
}
