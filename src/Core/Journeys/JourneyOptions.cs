namespace Parasol.Core.Journeys;

public sealed class JourneyOptions
{
    public const string SectionName = "Journeys";

    /// <summary>How long an unfinished application is kept after its last change.</summary>
    public double ExpiryHours { get; set; } = 24;
}
