namespace Parasol.Portal.Outage;

/// <summary>What the "try again" page needs to send the visitor's request once more, exactly as it was typed.</summary>
public sealed record TryAgainModel(bool IsPost, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, bool HadFiles);
