using Microsoft.AspNetCore.Mvc;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// One question page of a journey. GET shows the saved answers; POST validates, redisplays everything typed on an
/// error, or saves and redirects (Post/Redirect/Get) to the next step, or back to "check your answers".
/// </summary>
public abstract class StepPageModel<TJourney, TState, TAnswers> : JourneyPageModel<TJourney, TState>
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
    where TAnswers : class, new()
{
    [BindProperty]
    public TAnswers Answers { get; set; } = new();

    /// <summary>The "did you mean" of a step that asks for an e-mail address (<see cref="CheckEmail"/>).</summary>
    [BindProperty]
    public EmailCheck EmailCheck { get; set; } = new();

    protected abstract TAnswers Read(TState state);

    protected abstract void Write(TState state, TAnswers answers);

    protected abstract void Validate(TAnswers answers);

    public virtual IActionResult OnGet()
    {
        Answers = Read(State);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Validate(Answers);
        if (!ModelState.IsValid || EmailCheck.Asking is not null)
        {
            return Page();
        }
        Write(State, Answers);
        await SaveAsync();
        return Redirect(NextPath());
    }

    /// <summary>
    /// For a step's e-mail answer, after its own rules: a valid address whose domain looks mistyped brings the page back
    /// once with a suggestion (see <see cref="EmailCheck"/>). Returns the address to keep.
    /// </summary>
    protected string? CheckEmail(string? email, string? saved) =>
        ContactDetails.IsEmail(email) ? EmailCheck.Apply(email!, saved, Error) : email;

    /// <summary>
    /// The address rule every step shares: lengths, and a postal code written as NN-NNN; a family's own address needs every
    /// part but the flat number, an address an institution may not know needs none.
    /// </summary>
    protected void ValidateAddress(IAddressAnswers a, bool required)
    {
        // Trimmed here, so the check page reads back what is stored: "5/12a", not "5/ 12a ".
        (a.Street, a.HouseNumber, a.FlatNumber, a.City) = (a.Street?.Trim(), a.HouseNumber?.Trim(), a.FlatNumber?.Trim(), a.City?.Trim());
        if (required)
        {
            Require(a.Street, "Answers.Street", "Enter the street");
            Require(a.HouseNumber, "Answers.HouseNumber", "Enter the house number");
        }
        MaxLength(a.Street, 200, "Answers.Street");
        MaxLength(a.HouseNumber, 20, "Answers.HouseNumber");
        MaxLength(a.FlatNumber, 20, "Answers.FlatNumber");
        if (required ? Require(a.PostalCode, "Answers.PostalCode", "Enter the postal code") : !string.IsNullOrWhiteSpace(a.PostalCode))
        {
            if (PostalCode.Normalize(a.PostalCode) is { } code)
            {
                a.PostalCode = code;
            }
            else
            {
                Error("Answers.PostalCode", "Enter the postal code as two digits, a dash and three digits, for example 44-230");
            }
        }
        if (required)
        {
            Require(a.City, "Answers.City", "Enter the town or city");
        }
        MaxLength(a.City, 100, "Answers.City");
    }
}
