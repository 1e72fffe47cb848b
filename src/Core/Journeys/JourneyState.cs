namespace Parasol.Core.Journeys;

/// <summary>
/// The answers of one unfinished application, kept on the server and keyed by a random id that appears in the URL, so
/// nothing a person types travels in a URL and a restart of the app loses nothing. Deleted on submit or when expired.
/// </summary>
public sealed class JourneyState
{
    public Guid Id { get; set; }

    /// <summary>Which journey the state belongs to, e.g. <c>family-assistant</c>; a state never serves another journey.</summary>
    public string Journey { get; set; } = "";

    public string StateJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
