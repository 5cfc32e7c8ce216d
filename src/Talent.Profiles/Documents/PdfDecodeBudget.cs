using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Talent.Profiles.Documents;

/// <summary>
/// How many bytes the streams of one PDF may decode to, in all. PdfPig's filters decode a whole stream into memory with no
/// bound, so a stream of 1.4 MB that inflates to 1.5 GB took 3.7 GB and fifteen seconds (and chained filters multiply the
/// ratio). Each filter PdfPig asks for is wrapped (<see cref="Provider"/>): a Flate stream is first inflated into nothing,
/// counting, and refused before PdfPig inflates it when it would go past the budget; the output of every other filter is
/// counted after it. What is left of the budget is shared by the document's streams, so the work is bounded by the budget
/// whatever the number of streams.
/// </summary>
internal sealed class PdfDecodeBudget(long bytes)
{
    private long remaining = bytes;

    public long Bytes { get; } = bytes;

    /// <summary>True once a stream was refused: the document is then refused, whatever PdfPig made of the refusal.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Why the document is refused once the budget is exceeded.</summary>
    public string Refusal => $"PDF streams unpack to more than {Bytes / 1048576} MB (a decompression bomb?): refused";

    public IFilterProvider Provider => new BudgetedFilterProvider(DefaultFilterProvider.Instance, this);

    /// <summary>Throws, marking the budget exceeded, when fewer than <paramref name="count"/> bytes are left.</summary>
    private void Check(long count)
    {
        if (count > remaining)
        {
            Exceeded = true;
            throw new PdfDecodeBudgetException(Refusal);
        }
    }

    /// <summary>Takes <paramref name="count"/> bytes from the budget, or throws when fewer are left.</summary>
    private void Take(long count)
    {
        Check(count);
        remaining -= count;
    }

    /// <summary>The bytes a zlib stream inflates to, counted up to one past what is left of the budget and kept nowhere.</summary>
    private long InflatedLength(ReadOnlyMemory<byte> input)
    {
        var limit = remaining + 1;
        // A zlib stream opens with two header bytes (PdfPig skips them too); raw deflate data is read as it is.
        var data = input.Length >= 2 && (input.Span[0] & 0x0F) == 8 && ((input.Span[0] << 8) | input.Span[1]) % 31 == 0 ? input[2..] : input;
        using var deflate = new DeflateStream(new MemoryStream(data.ToArray(), writable: false), CompressionMode.Decompress);
        var buffer = new byte[81_920];
        long total = 0;
        try
        {
            for (var read = deflate.Read(buffer); read > 0 && total < limit; read = deflate.Read(buffer))
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data ends the count where it breaks; PdfPig recovers what it can of it, no more than counted here.
        }

        return total;
    }

    private sealed class BudgetedFilterProvider(IFilterProvider inner, PdfDecodeBudget budget) : IFilterProvider
    {
        public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary));

        public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names));

        public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters());

        private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => (IFilter)new BudgetedFilter(f, budget))];
    }

    private sealed class BudgetedFilter(IFilter inner, PdfDecodeBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter)
            {
                budget.Check(budget.InflatedLength(input));
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Take(output.Length);
            return output;
        }
    }
}

/// <summary>A PDF's streams decode to more than its budget allows.</summary>
internal sealed class PdfDecodeBudgetException(string message) : Exception(message);
