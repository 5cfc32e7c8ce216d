using System.Text;

namespace Talent.Profiles.Catalogs;

/// <summary>
/// The form catalog names are compared in: lower case, letters and digits only, words separated by one
/// space. "Scikit-learn", "scikit learn" and "SCIKIT_LEARN" share a key; so do "C++" and "c++" because
/// '+' and '#' are kept (they tell C, C++ and C# apart).
/// </summary>
public static class CatalogKey
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || c is '+' or '#')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
