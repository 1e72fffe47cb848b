using Microsoft.AspNetCore.Mvc;
using Parasol.Core.Time;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class HouseholdModel(TimeProvider time) : StepPageModel<FamilyAssistantJourney, FamilyAssistantState, HouseholdAnswers>
{
    private const int MaxChildren = 15;

    public override string Slug => "household";

    protected override HouseholdAnswers Read(FamilyAssistantState state)
    {
        var answers = state.Household;
        if (answers.Children.Count == 0)
        {
            answers.Children.Add(new ChildAnswers());
        }
        return answers;
    }

    /// <summary>Rows the family cleared are dropped: that is how a child comes off the list without JavaScript.</summary>
    protected override void Write(FamilyAssistantState state, HouseholdAnswers answers)
    {
        answers.Children = answers.Children.Where(c => !c.IsEmpty).ToList();
        state.Household = answers;
    }

    /// <summary>Another child is another round trip: keep what was typed, come back with an empty row.</summary>
    public async Task<IActionResult> OnPostAddChildAsync()
    {
        Write(State, Answers);
        if (State.Household.Children.Count < MaxChildren)
        {
            State.Household.Children.Add(new ChildAnswers());
        }
        await SaveAsync();
        return Redirect(SelfPath);
    }

    protected override void Validate(HouseholdAnswers a)
    {
        var today = WarsawTime.Today(time);
        var given = 0;
        for (var i = 0; i < a.Children.Count; i++)
        {
            var child = a.Children[i];
            if (child.IsEmpty)
            {
                continue;
            }
            given++;
            if (Require(child.FirstName, $"Answers.Children[{i}].FirstName", "Enter the child's first name"))
            {
                MaxLength(child.FirstName, 100, $"Answers.Children[{i}].FirstName");
            }
            if (child.DateOfBirth.ToDate() is not { } born || born > today)
            {
                Error($"Answers.Children[{i}].DateOfBirth", "Enter the child's date of birth as a real date, for example 14 9 2018");
            }
        }
        if (given == 0 && State.AboutYou.Role != "Pregnant")
        {
            Error("Answers.Children[0].FirstName", "Tell us about at least one child");
        }
        MaxLength(a.OtherMembers, 1000, "Answers.OtherMembers");
    }
}
