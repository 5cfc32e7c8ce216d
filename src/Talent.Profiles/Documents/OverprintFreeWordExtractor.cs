using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Util;

namespace Talent.Profiles.Documents;

/// <summary>
/// PdfPig's word extractor over the page's letters less those drawn again over themselves: a drop shadow (a badge's
/// label set a second time, a pixel lower and translucent) or a fake bold (a line set twice, a hair apart) draws each
/// letter twice, which read as is interleaves into "G G i i t t". A letter is a copy when the same character in the same
/// size was set within an eighth of the font's size of it, closer than any two letters of a word stand.
/// Linear: letters are looked up in a grid of cells that size.
/// </summary>
internal sealed class OverprintFreeWordExtractor : IWordExtractor
{
    public static OverprintFreeWordExtractor Instance { get; } = new();

    public IEnumerable<Word> GetWords(IReadOnlyList<Letter> letters) => DefaultWordExtractor.Instance.GetWords(WithoutOverprints(letters));

    internal static IReadOnlyList<Letter> WithoutOverprints(IReadOnlyList<Letter> letters)
    {
        var seen = new Dictionary<(string Value, long Size, long X, long Y), List<Letter>>();
        var kept = new List<Letter>(letters.Count);
        foreach (var letter in letters)
        {
            var reach = Math.Max(letter.PointSize, 1) / 8;
            var point = letter.StartBaseLine;
            var (size, x, y) = ((long)Math.Round(letter.PointSize * 4), (long)Math.Floor(point.X / reach), (long)Math.Floor(point.Y / reach));
            if (IsCopy(seen, letter, reach, size, x, y))
            {
                continue;
            }

            var key = (letter.Value, size, x, y);
            if (!seen.TryGetValue(key, out var cell))
            {
                seen[key] = cell = new List<Letter>(1);
            }

            cell.Add(letter);
            kept.Add(letter);
        }

        return kept.Count == letters.Count ? letters : kept;
    }

    private static bool IsCopy(Dictionary<(string, long, long, long), List<Letter>> seen, Letter letter, double reach, long size, long x, long y)
    {
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                if (!seen.TryGetValue((letter.Value, size, x + dx, y + dy), out var cell))
                {
                    continue;
                }

                foreach (var other in cell)
                {
                    if (Math.Abs(other.StartBaseLine.X - letter.StartBaseLine.X) < reach && Math.Abs(other.StartBaseLine.Y - letter.StartBaseLine.Y) < reach)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
