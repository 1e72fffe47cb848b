using System.Text;

namespace Parasol.Core.Attachments;

/// <summary>Turns whatever name an uploader sent into a harmless display name; it never becomes a path.</summary>
public static class FileNames
{
    private const int MaxLength = 120;

    public static string Sanitize(string? name, string contentType)
    {
        var lastSegment = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var cleaned = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }
            cleaned.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var result = cleaned.ToString().Trim().Trim('.').Trim();
        if (result.Length > MaxLength)
        {
            var extension = Path.GetExtension(result);
            result = result[..(MaxLength - extension.Length)] + extension;
        }
        return result.Length == 0 ? "document" + DefaultExtension(contentType) : result;
    }

    private static string DefaultExtension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        _ => "",
    };
}
