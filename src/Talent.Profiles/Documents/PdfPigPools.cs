using System.Collections.Concurrent;
using System.Reflection;
using UglyToad.PdfPig.Tokens;

namespace Talent.Profiles.Documents;

/// <summary>
/// PdfPig keeps every content-stream operator name and every name object it meets in two dictionaries for the life of the
/// process (<c>OperatorToken.PooledNames</c> and <c>NameToken.NameMap</c>, private), so a PDF of half a million made-up
/// operators or names kept 40–60 MB after it was read, and every such PDF more again: a worker reading hostile PDFs would
/// grow without end. Real PDFs use the seventy-odd operators of the standard and a few hundred names. After each PDF, a
/// pool holding more than <see cref="MaxNames"/> names beyond those PdfPig defines itself is emptied of the others (the
/// operators under PdfPig's own lock). The pools only share equal tokens, and tokens compare by their text, so emptying
/// them changes nothing but memory.
/// </summary>
internal static class PdfPigPools
{
    /// <summary>Far more names than real PDFs use, far fewer than a hostile one makes.</summary>
    public const int MaxNames = 4_096;

    private const BindingFlags PrivateStatic = BindingFlags.NonPublic | BindingFlags.Static;

    private static readonly Dictionary<string, string>? Operators = typeof(OperatorToken).GetField("PooledNames", PrivateStatic)?.GetValue(null) as Dictionary<string, string>;

    private static readonly object? OperatorGate = typeof(OperatorToken).GetField("Lock", PrivateStatic)?.GetValue(null);

    private static readonly ConcurrentDictionary<string, NameToken>? Names = typeof(NameToken).GetField("NameMap", PrivateStatic)?.GetValue(null) as ConcurrentDictionary<string, NameToken>;

    /// <summary>The names PdfPig defines itself (<see cref="NameToken.Type"/> and the rest), kept as the same tokens.</summary>
    private static readonly KeyValuePair<string, NameToken>[] DefinedNames = Names is null ? [] : [.. Names];

    /// <summary>Whether this PdfPig has the pools as they are known here (a test holds it so, so an upgrade that changes them is seen).</summary>
    public static bool Found => Operators is not null && OperatorGate is not null && Names is not null && DefinedNames.Length > 0;

    /// <summary>The operator names and the name objects pooled now, beyond those PdfPig defines.</summary>
    public static (int Operators, int Names) Counts
    {
        get
        {
            if (!Found)
            {
                return (0, 0);
            }

            lock (OperatorGate!)
            {
                return (Operators!.Count, Names!.Count - DefinedNames.Length);
            }
        }
    }

    /// <summary>Empties a pool that holds more than <see cref="MaxNames"/> names beyond those PdfPig defines.</summary>
    public static void Trim()
    {
        if (!Found)
        {
            return;
        }

        lock (OperatorGate!)
        {
            if (Operators!.Count > MaxNames)
            {
                Operators.Clear();
                Operators.TrimExcess();
            }
        }

        if (Names!.Count > DefinedNames.Length + MaxNames)
        {
            // Clear gives the dictionary back its first size (removing entries would keep its tables as large as they grew).
            Names.Clear();
            foreach (var (name, token) in DefinedNames)
            {
                Names.TryAdd(name, token);
            }
        }
    }
}
