namespace Talent.Search;

/// <summary>Words a result card and the CLI use for what the documents do not state.</summary>
public static class CandidateCard
{
    public const string NameNotStated = "Name not stated";

    /// <summary>The label of a fit: a candidate who meets everything asked reads Strong.</summary>
    public static string FitLabel(int fit) => fit switch
    {
        >= 80 => "Strong",
        >= 55 => "Good",
        >= 30 => "Partial",
        _ => "Weak",
    };
}
