using System.Text.RegularExpressions;

namespace Talent.Server;

/// <summary>Masks e-mail addresses and phone numbers in text bound for logs.</summary>
internal static partial class PersonalData
{
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var masked = Email().Replace(text, "[e-mail]");
        return Phone().Replace(masked, "[phone]");
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)+", RegexOptions.NonBacktracking)]
    private static partial Regex Email();

    // Seven or more digits, optionally with a leading +, separated by spaces, dots, dashes or parentheses.
    [GeneratedRegex(@"\+?\(?\d[\d\s().\-]{5,}\d", RegexOptions.NonBacktracking)]
    private static partial Regex Phone();
}
