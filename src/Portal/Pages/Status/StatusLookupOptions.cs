namespace Parasol.Portal.Pages.Status;

/// <summary>How many tries at a case number and access code one address gets per window (section <c>Status</c>).</summary>
public sealed class StatusLookupOptions
{
    public const string SectionName = "Status";

    public int AttemptsPerWindow { get; set; } = 10;
    public int WindowMinutes { get; set; } = 15;

    /// <summary>How long the status page stays open after the code was given.</summary>
    public int SessionMinutes { get; set; } = 30;
}
