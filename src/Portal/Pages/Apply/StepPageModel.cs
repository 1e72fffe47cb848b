using Microsoft.AspNetCore.Mvc;

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
        InputText.Clean(Answers);
        Validate(Answers);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Write(State, Answers);
        await SaveAsync();
        return Redirect(NextPath());
    }
}
