using System.Reflection;
using UglyToad.PdfPig.Tokens;

namespace Talent.Profiles.Documents;

/// <summary>
/// PdfPig keeps the name of every content-stream operator it meets in one dictionary for the life of the process
/// (<c>OperatorToken.PooledNames</c>, private), so a PDF of half a million made-up operators kept 40 MB after it was read,
/// and every such PDF more again: a worker reading hostile PDFs would grow without end. Real PDFs use the seventy-odd
/// operators of the standard (and a few of Type 1 font programs). After each PDF the pool is emptied, under PdfPig's own
/// lock, once it holds more than <see cref="MaxNames"/> names; the pool only shares equal strings between tokens, which
/// compare by their text, so emptying it changes nothing but memory.
/// </summary>
internal static class PdfOperatorPool
{
    /// <summary>Far more operator names than real PDFs use, far fewer than a hostile one makes.</summary>
    public const int MaxNames = 4_096;

    private const BindingFlags PrivateStatic = BindingFlags.NonPublic | BindingFlags.Static;

    private static readonly Dictionary<string, string>? Names = typeof(OperatorToken).GetField("PooledNames", PrivateStatic)?.GetValue(null) as Dictionary<string, string>;

    private static readonly object? Gate = typeof(OperatorToken).GetField("Lock", PrivateStatic)?.GetValue(null);

    /// <summary>Whether this PdfPig has the pool as it is known here (a test holds it so, so an upgrade that changes it is seen).</summary>
    public static bool Found => Names is not null && Gate is not null;

    /// <summary>The names in the pool now.</summary>
    public static int Count
    {
        get
        {
            if (!Found)
            {
                return 0;
            }

            lock (Gate!)
            {
                return Names!.Count;
            }
        }
    }

    /// <summary>Empties the pool when it holds more than <see cref="MaxNames"/> names.</summary>
    public static void Trim()
    {
        if (!Found)
        {
            return;
        }

        lock (Gate!)
        {
            if (Names!.Count > MaxNames)
            {
                Names.Clear();
                Names.TrimExcess();
            }
        }
    }
}
