namespace Talent.Profiles.Extraction;

/// <summary>The name and contact commands of CV classes, read into the <see cref="LatexHeader"/>.</summary>
internal sealed partial class LatexConverter
{
    private static readonly Dictionary<string, string> ProfileAddresses = new(StringComparer.Ordinal)
    {
        ["linkedin"] = "https://www.linkedin.com/in/",
        ["github"] = "https://github.com/",
        ["gitlab"] = "https://gitlab.com/",
        ["twitter"] = "https://twitter.com/",
        ["orcid"] = "https://orcid.org/",
        ["googlescholar"] = "https://scholar.google.com/citations?user=",
        ["stackoverflow"] = "https://stackoverflow.com/users/",
    };

    /// <summary>Name and contact commands (moderncv, friggeri, Awesome-CV, resume.cls, Europass); they go to the header, not the body.</summary>
    private bool HeaderCommand(int depth, string name)
    {
        switch (name)
        {
            case "name" when PeekArgument() || LatexSource.SkipSpaces(text, at, lineBreaks: false) is var i && i < text.Length && text[i] == '[':
                var shortForm = Optional() is { } optional ? Inline(optional, depth) : string.Empty;
                var parts = RawArguments(2).Select(part => Inline(part, depth));
                header.Name ??= shortForm.Length > 0 ? shortForm : string.Join(" ", parts).Trim();
                return true;
            case "title" when PeekArgument(sameLine: true) || LatexSource.SkipSpaces(text, at, lineBreaks: false) is var t && t < text.Length && text[t] == '[':
                Optional();
                header.Title ??= Inline(RawArgument(), depth);
                return true;
            case "cvname" or "ecvname":
                header.Name ??= Inline(RawArgument(), depth);
                return true;
            case "ecvemail" or "ecvhomepage" or "ecvlinkedinpage":
                // Europass classes (europecv, europasscv) list several addresses in one argument, apart by spaces.
                foreach (var address in Inline(RawArgument(), depth).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
                {
                    AddHeaderLine(name == "ecvemail" ? MailLine(address) : (name == "ecvhomepage" ? "Homepage: " : string.Empty) + $"[{address}]({WithScheme(address)})");
                }

                return true;
            case "ecvtelephone" or "ecvmobile" or "ecvworkphone":
                Optional();
                Optional();
                AddHeaderLine("Phone: " + Inline(RawArgument(), depth));
                return true;
            case "ecvaddress":
                Optional();
                Optional();
                AddHeaderLine(Inline(RawArgument(), depth));
                return true;
            case "cvjobtitle":
                AddHeaderLine(Inline(RawArgument(), depth));
                return true;
            case "cvmail":
                var mail = Unescape(RawArgument()).Trim();
                AddHeaderLine(mail.Length > 0 ? MailLine(mail) : string.Empty);
                return true;
            case "cvsite":
                var cvsite = Unescape(RawArgument()).Trim();
                AddHeaderLine(cvsite.Length > 0 ? $"Homepage: [{cvsite}]({WithScheme(cvsite)})" : string.Empty);
                return true;
            case "cvnumberphone":
                AddHeaderLine("Phone: " + Inline(RawArgument(), depth));
                return true;
            case "firstname" or "givenname":
                header.FirstName ??= Inline(RawArgument(), depth);
                return true;
            case "familyname" or "lastname" or "surname":
                header.LastName ??= Inline(RawArgument(), depth);
                return true;
            case "author":
                var author = Fragment(RawArgument(), depth).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                header.Name ??= author.Length > 0 ? Flatten(author[0]) : null;
                return true;
            case "namesection" when PeekArgument():
                // Deedy: \namesection{First}{Last}{contact line}.
                var deedy = RawArguments(3).Select(part => Inline(part, depth)).ToList();
                header.Name ??= (Part(deedy, 0) + " " + Part(deedy, 1)).Trim();
                AddHeaderLine(Part(deedy, 2));
                return true;
            case "header" when PeekArgument():
                var names = RawArguments(3).Select(part => Inline(part, depth)).ToList();
                header.Name ??= (Part(names, 0) + " " + Part(names, 1)).Trim();
                AddHeaderLine(Part(names, 2));
                return true;
            case "email":
                var email = Unescape(RawArgument()).Trim();
                AddHeaderLine(email.Length > 0 ? MailLine(email) : string.Empty);
                return true;
            case "homepage":
                var site = Unescape(RawArgument()).Trim();
                var siteLabel = PeekArgument(sameLine: true) ? Inline(RawArgument(), depth) : site;
                AddHeaderLine(site.Length > 0 ? $"Homepage: [{siteLabel}]({WithScheme(site)})" : string.Empty);
                return true;
            case "phone" or "mobile" or "fax":
                Optional();
                AddHeaderLine("Phone: " + Inline(RawArgument(), depth));
                return true;
            case "social":
                var network = Optional() ?? string.Empty;
                ProfileLine(network.Trim(), Unescape(RawArgument()).Trim());
                return true;
            case var profile when ProfileAddresses.ContainsKey(profile) && PeekArgument(sameLine: true):
                ProfileLine(profile, Unescape(RawArgument()).Trim());
                return true;
            case "address":
                var lines = RawArguments(4).SelectMany(part => Fragment(part, depth).Split('\n')).Select(Flatten).Where(line => line.Length > 0);
                AddHeaderLine(string.Join(", ", lines));
                return true;
            case "extrainfo" or "quote" or "position" or "tagline":
                AddHeaderLine(Inline(RawArgument(), depth));
                return true;
            default:
                return false;
        }
    }

    private void ProfileLine(string network, string id)
    {
        if (id.Length == 0)
        {
            return;
        }

        var url = id.Contains("://", StringComparison.Ordinal) || id.Contains('.', StringComparison.Ordinal) || !ProfileAddresses.TryGetValue(network, out var prefix)
            ? id
            : prefix + id;
        AddHeaderLine($"[{id}]({WithScheme(url)})");
    }

    private static string MailLine(string address) => $"[{address}](mailto:{address})";

    /// <summary>An address as a link target: "ada.org" is reached over https.</summary>
    private static string WithScheme(string address) => address.Contains("://", StringComparison.Ordinal) ? address : "https://" + address;

    private void AddHeaderLine(string line)
    {
        var value = line.Trim();
        if (value.Length > 0)
        {
            header.Lines.Add(value);
        }
    }
}
