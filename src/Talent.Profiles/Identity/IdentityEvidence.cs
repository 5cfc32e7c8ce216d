using System.Globalization;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Identity;

/// <summary>
/// What two sources say about being the same person, from the two alone (so the links of a set of sources do not
/// depend on the order they arrived in). Strong keys link; shared titles link only under compatible names (never two
/// different names, however many titles co-authors share); a name links only with corroboration. Conflicts block.
/// </summary>
public static class IdentityEvidence
{
    /// <summary>The link between two sources, or null when nothing (or a conflict) says they are one person.</summary>
    public static IdentityLink? Link(SourceIdentity a, SourceIdentity b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a.SourceId, b.SourceId, StringComparison.Ordinal) || KeyConflict(a, b) is not null)
        {
            return null;
        }

        if (StrongReason(a, b) is { } strong)
        {
            return IdentityLink.Between(a.SourceId, b.SourceId, LinkStrength.Strong, 0, strong);
        }

        var titles = a.Titles.Count <= b.Titles.Count ? a.Titles.Count(b.Titles.Contains) : b.Titles.Count(a.Titles.Contains);
        var named = a.Name is not null && b.Name is not null;
        if (named && !a.Name!.IsCompatibleWith(b.Name!))
        {
            return null; // co-authors: however many titles they share, two different names are two people
        }

        if (a.Sites.Overlaps(b.Sites))
        {
            // Pages of one personal site or repository (an about page and its BibTeX list) are its owner's, unless they name two people.
            return IdentityLink.Between(a.SourceId, b.SourceId, LinkStrength.Strong, 0, "same personal site or repository");
        }

        if (titles >= 2)
        {
            var why = named ? "compatible names" : "one side names nobody";
            return IdentityLink.Between(a.SourceId, b.SourceId, LinkStrength.Publications, titles, string.Create(CultureInfo.InvariantCulture, $"{titles} shared publication titles, {why}"));
        }

        var sameName = named && !a.NameInferred && !b.NameInferred && a.Name!.IsSameAs(b.Name!);
        if (sameName && titles == 1)
        {
            return IdentityLink.Between(a.SourceId, b.SourceId, LinkStrength.Weak, 1, "same name and 1 shared publication title (weaker)");
        }

        if (sameName && SharedPeriod(a, b) is { } institution)
        {
            return IdentityLink.Between(a.SourceId, b.SourceId, LinkStrength.Weak, 0, $"same name, institution ({institution}) and period (weaker)");
        }

        return null;
    }

    /// <summary>Why two sources cannot be one person, or null: different ORCIDs, different e-mails at one domain, or different names.</summary>
    public static string? Conflict(SourceIdentity a, SourceIdentity b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (KeyConflict(a, b) is { } conflict)
        {
            return conflict;
        }

        return a.Name is not null && b.Name is not null && !a.Name.IsCompatibleWith(b.Name) ? "different names" : null;
    }

    /// <summary>
    /// Why the keys of two sources say they are two people (different ORCIDs, different e-mails at one domain), or null;
    /// unlike <see cref="Conflict"/>, names are not compared: a person correcting a merge often knows two spellings are one.
    /// </summary>
    public static string? StrongKeyConflict(SourceIdentity a, SourceIdentity b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return KeyConflict(a, b);
    }

    /// <summary>True when the two share an e-mail, homepage or profile link.</summary>
    public static bool ShareStrongKey(SourceIdentity a, SourceIdentity b) => StrongReason(a, b) is not null;

    /// <summary>
    /// The keys two sources share, each as <c>kind:value</c>: strong keys, and titles when one side names nobody (its
    /// titles are what links it).
    /// </summary>
    public static HashSet<string> SharedKeys(SourceIdentity a, SourceIdentity b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        shared.UnionWith(a.Emails.Intersect(b.Emails, StringComparer.Ordinal).Select(e => "email:" + e));
        shared.UnionWith(a.Homepages.Intersect(b.Homepages, StringComparer.Ordinal).Select(h => "homepage:" + h));
        shared.UnionWith(a.Links.Intersect(b.Links, StringComparer.Ordinal).Select(l => "link:" + l));
        shared.UnionWith(a.Sites.Intersect(b.Sites, StringComparer.Ordinal).Select(s => "site:" + s));
        if (a.Name is null || b.Name is null)
        {
            shared.UnionWith(a.Titles.Intersect(b.Titles, StringComparer.Ordinal).Select(t => "title:" + t));
        }

        return shared;
    }

    private static string? StrongReason(SourceIdentity a, SourceIdentity b)
    {
        if (a.Emails.Overlaps(b.Emails))
        {
            return "shared e-mail";
        }

        if (a.Homepages.Overlaps(b.Homepages))
        {
            return "shared homepage";
        }

        return a.Links.Overlaps(b.Links) ? "shared profile link" : null;
    }

    private static string? KeyConflict(SourceIdentity a, SourceIdentity b)
    {
        if (a.Orcids.Count > 0 && b.Orcids.Count > 0 && !a.Orcids.Overlaps(b.Orcids))
        {
            return "different ORCIDs";
        }

        // Two people of one lab each have an address at its domain; one person rarely lists two there and keeps none in common.
        if (a.Emails.Count > 0 && b.Emails.Count > 0 && !a.Emails.Overlaps(b.Emails)
            && a.Emails.Select(Domain).Intersect(b.Emails.Select(Domain), StringComparer.Ordinal).Any())
        {
            return "different e-mails at the same domain";
        }

        return null;
    }

    private static string Domain(string email) => email[(email.LastIndexOf('@') + 1)..];

    private static string? SharedPeriod(SourceIdentity a, SourceIdentity b)
    {
        foreach (var mine in a.Periods)
        {
            foreach (var theirs in b.Periods)
            {
                if (string.Equals(mine.Key, theirs.Key, StringComparison.Ordinal) && DateNotation.Overlap(mine.Start, mine.End, theirs.Start, theirs.End))
                {
                    return mine.Name;
                }
            }
        }

        return null;
    }
}
