namespace Talent.Profiles.Extraction;

/// <summary>Facts of one kind (e-mails, phones, links, topics) in order of first mention, each once.</summary>
internal static class FactList
{
    /// <summary>
    /// More e-mails, phones, links or topics than any real profile states: a hostile document listing thousands stops
    /// adding there, which also keeps the de-duplication below linear in the document.
    /// </summary>
    internal const int MaxFactsPerKind = 200;

    public static List<string> Distinct(IEnumerable<string> values)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            AddDistinct(list, value);
        }

        return list;
    }

    public static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && list.Count < MaxFactsPerKind && !list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}
