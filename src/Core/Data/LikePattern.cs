namespace Parasol.Core.Data;

/// <summary>Patterns for SQL <c>LIKE</c>/<c>ILIKE</c> (backslash is PostgreSQL's default escape character).</summary>
public static class LikePattern
{
    /// <summary>Matches any text that contains <paramref name="text"/> as typed: its <c>%</c>, <c>_</c> and <c>\</c> match only themselves.</summary>
    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
