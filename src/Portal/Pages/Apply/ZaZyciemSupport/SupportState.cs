namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

/// <summary>A request for "Za życiem" support, one section per step; stored as JSON.</summary>
public sealed class SupportState
{
    public AboutYouAnswers AboutYou { get; set; } = new();
    public ContactAnswers Contact { get; set; } = new();
    public SupportNeedsAnswers Support { get; set; } = new();

    /// <summary>A pregnant woman tells us about the pregnancy; a parent or guardian about the child.</summary>
    public bool IsPregnant => AboutYou.Role == "Pregnant";
}

public sealed class SupportNeedsAnswers
{
    public DateAnswer DueDate { get; set; } = new();
    public string? ChildFirstName { get; set; }
    public DateAnswer ChildDateOfBirth { get; set; } = new();
    public string? Needs { get; set; }
}
