using System.Text.Json;
using Parasol.Core.Localization;

namespace Parasol.Core.Cases;

/// <summary>
/// The applicant's answers as their check page read them back: section titles, questions and answers, written out at
/// submission in every language Parasol speaks. Staff read this instead of the journey's JSON, whose keys and codes only
/// the Portal understands. Empty answers are left out.
/// </summary>
public sealed record AnswerSummary(IReadOnlyDictionary<string, IReadOnlyList<AnswerSummarySection>> ByLanguage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The summary in <paramref name="language"/>, else in Polish, the office's language.</summary>
    public IReadOnlyList<AnswerSummarySection> In(string language) =>
        ByLanguage.TryGetValue(language, out var sections) || ByLanguage.TryGetValue(ParasolCultures.Default, out sections)
            ? sections
            : ByLanguage.Values.FirstOrDefault() ?? [];

    public string ToJson() => JsonSerializer.Serialize(ByLanguage, Json);

    /// <summary>The stored summary, or null for a case stored before summaries were kept (or one that cannot be read).</summary>
    public static AnswerSummary? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            var byLanguage = JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<AnswerSummarySection>>>(json, Json);
            return byLanguage is { Count: > 0 } ? new AnswerSummary(byLanguage) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record AnswerSummarySection(string Title, IReadOnlyList<AnswerSummaryRow> Rows);

/// <summary>A question and its answer; the answer is our words and the applicant's typed pieces, kept apart.</summary>
public sealed record AnswerSummaryRow(string Label, IReadOnlyList<AnswerPiece> Value);

/// <summary>A piece of an answer: <see cref="Typed"/> when the applicant typed it, so it is shown isolated (&lt;bdi&gt;).</summary>
public sealed record AnswerPiece(string Text, bool Typed);
