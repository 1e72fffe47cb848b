using System.Globalization;
using Parasol.Core.Localization;
using Parasol.Core.Time;

namespace Parasol.Portal.Pages.Apply;

/// <summary>Who is asking: a role from the journey's list, the name, and a PESEL number or, without one, a date of birth.</summary>
public sealed class AboutYouAnswers
{
    public string? Role { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Pesel { get; set; }
    public DateAnswer DateOfBirth { get; set; } = new();
}

/// <summary>The family's address, phone and e-mail, how to contact them and in which language.</summary>
public sealed class ContactAnswers : IAddressAnswers
{
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? FlatNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PreferredContact { get; set; }
    public string? Language { get; set; }
}

/// <summary>The "about you" step the family journeys share; each journey names its own roles.</summary>
public abstract class AboutYouStepModel<TJourney, TState>(TimeProvider time) : StepPageModel<TJourney, TState, AboutYouAnswers>
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    public override string Slug => "about-you";

    public abstract IReadOnlyList<string> Roles { get; }

    protected override void Validate(AboutYouAnswers a)
    {
        if (!Roles.Contains(a.Role ?? ""))
        {
            Error("Answers.Role", "Select who is asking for help");
        }
        if (Require(a.FirstName, "Answers.FirstName", "Enter your first name"))
        {
            MaxLength(a.FirstName, 100, "Answers.FirstName");
        }
        if (Require(a.LastName, "Answers.LastName", "Enter your last name"))
        {
            MaxLength(a.LastName, 100, "Answers.LastName");
        }
        a.Pesel = PeselOrDateOfBirth.Validate(a.Pesel, a.DateOfBirth, WarsawTime.Today(time), "Answers", Error);
    }
}

/// <summary>The "address and contact" step the family journeys share.</summary>
public abstract class ContactStepModel<TJourney, TState> : StepPageModel<TJourney, TState, ContactAnswers>
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    public override string Slug => "contact";

    protected abstract ContactAnswers Get(TState state);

    protected abstract void Set(TState state, ContactAnswers answers);

    protected override ContactAnswers Read(TState state)
    {
        var answers = Get(state);
        answers.Language ??= CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return answers;
    }

    protected override void Write(TState state, ContactAnswers answers) => Set(state, answers);

    protected override void Validate(ContactAnswers a)
    {
        ValidateAddress(a, required: true);
        ContactDetails.Validate(a.Phone, a.Email, a.PreferredContact, "Answers", Error);
        a.Email = CheckEmail(a.Email, Get(State).Email);
        if (!ParasolCultures.IsSupported(a.Language))
        {
            Error("Answers.Language", "Select the language we should write to you in");
        }
    }
}
