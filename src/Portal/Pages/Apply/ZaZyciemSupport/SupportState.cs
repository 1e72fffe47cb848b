namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

/// <summary>A request for "Za życiem" support, one section per step; stored as JSON.</summary>
public sealed class SupportState
{
    public AboutYouAnswers AboutYou { get; set; } = new();
    public ContactAnswers Contact { get; set; } = new();
    public SupportNeedsAnswers Support { get; set; } = new();

    /// <summary>A pregnant woman tells us about the pregnancy; a parent or guardian about the child.</summary>
    public bool IsPregnant => AboutYou.Role == "Pregnant";

    /// <summary>
    /// A woman who lost a pregnancy or whose child died at or right after birth: there is no child to tell us about and no
    /// due date, so the support step asks her only what would help.
    /// </summary>
    public bool IsAfterLoss => AboutYou.Role == "AfterLoss";

    /// <summary>A parent or a guardian tells us the child's first name and date of birth.</summary>
    public bool TellsAboutChild => !IsPregnant && !IsAfterLoss;
}

public sealed class SupportNeedsAnswers
{
    public DateAnswer DueDate { get; set; } = new();
    public string? ChildFirstName { get; set; }
    public DateAnswer ChildDateOfBirth { get; set; } = new();
    public string? Needs { get; set; }
}
