using Microsoft.Extensions.Localization;

namespace Parasol.Portal.Pages.Apply;

/// <summary>One step of a journey: its URL segment and its title (an English resource key).</summary>
public sealed record JourneyStep(string Slug, string Title);

/// <summary>
/// A row of "check your answers" and of the receipt; <see cref="ChangeStep"/> links back to where it was asked. The value
/// keeps what the family typed apart from our words (see <see cref="Answer"/>).
/// </summary>
public sealed record SummaryRow(string Label, Answer Value, string? ChangeStep = null);

public sealed record SummarySection(string Title, IReadOnlyList<SummaryRow> Rows);

/// <summary>
/// What differs between journeys: their name, address, steps, and how their answers read back. Everything else (state,
/// progress, back links, check-answers, submit, receipt) is shared.
/// </summary>
public abstract class JourneyDefinition<TState>
    where TState : class, new()
{
    /// <summary>The key under which the state is stored, e.g. <c>family-assistant</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The journey's start page, e.g. <c>/apply/family-assistant</c>.</summary>
    public abstract string BasePath { get; }

    public abstract IReadOnlyList<JourneyStep> Steps { get; }

    public abstract IReadOnlyList<SummarySection> Summarize(TState state, IStringLocalizer l);

    public string StepPath(Guid journeyId, string slug) => $"{BasePath}/{journeyId}/{slug}";

    public string CheckPath(Guid journeyId) => StepPath(journeyId, "check");

    public int NumberOf(string slug) => Steps.ToList().FindIndex(s => s.Slug == slug) + 1;
}
