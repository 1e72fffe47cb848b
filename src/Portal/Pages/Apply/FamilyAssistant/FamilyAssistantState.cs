namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

/// <summary>The answers of a family's request for an assistant, one section per step; stored as JSON.</summary>
public sealed class FamilyAssistantState
{
    public AboutYouAnswers AboutYou { get; set; } = new();
    public ContactAnswers Contact { get; set; } = new();
    public HouseholdAnswers Household { get; set; } = new();
    public SituationAnswers Situation { get; set; } = new();
}

public sealed class HouseholdAnswers
{
    public List<ChildAnswers> Children { get; set; } = [];
    public string? OtherMembers { get; set; }
}

public sealed class ChildAnswers
{
    public string? FirstName { get; set; }
    public DateAnswer DateOfBirth { get; set; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(FirstName) && DateOfBirth.IsEmpty;
}

public sealed class SituationAnswers
{
    public string? Difficulties { get; set; }
    public List<string> HelpWanted { get; set; } = [];
    public string? HelpOther { get; set; }
    public string? EarlierHelp { get; set; }
    public string? EarlierHelpDetails { get; set; }
}
