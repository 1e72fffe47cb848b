namespace Parasol.Core.Validation;

/// <summary>
/// A likely slip in the domain of an e-mail address (<c>jan@gmial.com</c>, <c>ewa@wp.pll</c>): one edit away from a
/// mail domain many families use, a letter missing, added or changed or two neighbours swapped. Only a suggestion: the
/// address may be right, so the person chooses (a receipt sent to a mistyped domain never arrives).
/// </summary>
public static class EmailTypo
{
    /// <summary>
    /// The common mail domains, the most used first (a slip that is one edit from two of them is read as the first).
    /// Some are here only so that they are never "corrected" into a neighbour (mail.com is not gmail.com).
    /// </summary>
    public static readonly IReadOnlyList<string> CommonDomains =
    [
        "gmail.com", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "op.pl", "poczta.onet.pl", "tlen.pl", "gazeta.pl",
        "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "ukr.net", "proton.me", "protonmail.com",
        "live.com", "outlook.pl", "interia.eu", "poczta.fm", "vp.pl", "go2.pl", "onet.eu", "autograf.pl",
        "buziaczek.pl", "spoko.pl", "int.pl", "me.com", "mail.com", "gmx.com", "gmx.net", "gmx.de", "aol.com",
        "i.ua", "meta.ua", "yahoo.co.uk", "hotmail.co.uk", "googlemail.com",
    ];

    /// <summary>
    /// The address with its domain put right, when the domain is not a common one but one edit away from one; null
    /// otherwise (and for anything that is not an address). The part before the @ is kept exactly as typed.
    /// </summary>
    public static string? SuggestFor(string? email)
    {
        var address = email?.Trim();
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at <= 0 || at == address.Length - 1)
        {
            return null;
        }
        var domain = address[(at + 1)..].ToLowerInvariant();
        if (CommonDomains.Contains(domain))
        {
            return null;
        }
        return CommonDomains.FirstOrDefault(common => OneEditApart(domain, common)) is { } suggested
            ? address[..(at + 1)] + suggested
            : null;
    }

    /// <summary>Whether one letter added, removed or changed, or two neighbours swapped, turns one into the other.</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }
        if (a.Length != b.Length)
        {
            var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
            return longer.AsSpan(start + 1).SequenceEqual(shorter.AsSpan(start));
        }
        return a.AsSpan(start + 1).SequenceEqual(b.AsSpan(start + 1))
            || (start + 1 < a.Length && a[start] == b[start + 1] && a[start + 1] == b[start]
                && a.AsSpan(start + 2).SequenceEqual(b.AsSpan(start + 2)));
    }
}
