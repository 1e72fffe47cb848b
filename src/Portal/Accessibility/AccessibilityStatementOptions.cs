namespace Parasol.Portal.Accessibility;

/// <summary>The parts of the accessibility statement (deklaracja dostępności) that each office fills in.</summary>
public sealed class AccessibilityStatementOptions
{
    public const string Section = "AccessibilityStatement";

    /// <summary>When the site was first published.</summary>
    public DateOnly PublishedOn { get; set; } = new(2026, 1, 15);

    /// <summary>When the site was last substantially updated.</summary>
    public DateOnly UpdatedOn { get; set; } = new(2026, 11, 20);

    /// <summary>When this statement was drawn up (and last reviewed).</summary>
    public DateOnly PreparedOn { get; set; } = new(2026, 11, 20);

    /// <summary>How to reach and move around the building, per language (pl, en, uk): each office describes its own.</summary>
    public Dictionary<string, string> Building { get; set; } = [];

    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
}
