namespace Parasol.Portal.Preferences;

/// <summary>Where a preference control sends the visitor back to: only a path on this site, never another host.</summary>
public static class LocalReturnUrl
{
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/')
        {
            return "/";
        }
        // "//host" and "/\host" are protocol-relative to browsers; control characters can smuggle either.
        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }
        return returnUrl.Any(char.IsControl) ? "/" : returnUrl;
    }

    /// <summary>The current page's path and query, without a culture parameter that would override the new choice.</summary>
    public static string Current(HttpRequest request)
    {
        var query = request.Query.Where(pair => !string.Equals(pair.Key, "culture", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(pair.Key, "ui-culture", StringComparison.OrdinalIgnoreCase));
        var queryString = QueryString.Create(query);
        return $"{request.PathBase}{request.Path}{queryString}";
    }
}
