using Parasol.Core.Time;

namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

/// <summary>The pregnancy or the child, and in the family's own words what would help.</summary>
public sealed class SupportModel(TimeProvider time) : StepPageModel<SupportJourney, SupportState, SupportNeedsAnswers>
{
    public override string Slug => "support";

    /// <summary>An expected date of birth the step accepts, a few months from today, so the example never goes stale.</summary>
    public string DueDateExample => DateAnswer.Example(WarsawTime.Today(time).AddMonths(4));

    protected override SupportNeedsAnswers Read(SupportState state) => state.Support;

    protected override void Write(SupportState state, SupportNeedsAnswers answers) => state.Support = answers;

    protected override void Validate(SupportNeedsAnswers a)
    {
        var today = WarsawTime.Today(time);
        if (State.IsPregnant)
        {
            if (!a.DueDate.IsEmpty && (a.DueDate.ToDate() is not { } due || due < today.AddMonths(-1) || due > today.AddMonths(10)))
            {
                ModelState.AddModelError("Answers.DueDate", L["Enter the expected date of birth as a real date, for example {0}, or leave it empty", DueDateExample]);
            }
            a.ChildFirstName = null;
            a.ChildDateOfBirth = new DateAnswer();
        }
        else if (State.IsAfterLoss)
        {
            a.DueDate = new DateAnswer();
            a.ChildFirstName = null;
            a.ChildDateOfBirth = new DateAnswer();
        }
        else
        {
            if (Require(a.ChildFirstName, "Answers.ChildFirstName", "Enter the child's first name"))
            {
                MaxLength(a.ChildFirstName, 100, "Answers.ChildFirstName");
            }
            if (a.ChildDateOfBirth.ToDate() is not { } born || born > today)
            {
                Error("Answers.ChildDateOfBirth", "Enter the child's date of birth as a real date, for example 14 9 2018");
            }
            a.DueDate = new DateAnswer();
        }
        if (Require(a.Needs, "Answers.Needs", "Tell us in a few words what support would help you"))
        {
            MaxLength(a.Needs, 2000, "Answers.Needs");
        }
    }
}
