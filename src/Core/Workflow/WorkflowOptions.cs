namespace Parasol.Core.Workflow;

public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>Families one assistant may work with at once (art. 15 ust. 4 of the family support act).</summary>
    public int AssistantFamilyCap { get; set; } = 15;

    /// <summary>The shortest completion deadline the office may set (KPA art. 64 § 2: at least 7 days).</summary>
    public int MinimumCompletionDays { get; set; } = 7;
}
