namespace Talent.Profiles.Extraction;

/// <summary>Blank space as one reads it: runs of spaces, tabs and line breaks are one space, none at either end.</summary>
internal static class Spacing
{
    public static string Collapse(string text) => string.Join(' ', text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
