using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// A page inside a journey: loads the server-side state named by the id in the URL before any handler runs, sends a
/// visitor whose journey expired back to the start with an explanation, and one whose journey was submitted to its
/// receipt.
/// </summary>
public abstract class JourneyPageModel<TJourney, TState> : PageModel
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    public static readonly TJourney Journey = new();

    [FromRoute]
    public Guid JourneyId { get; set; }

    /// <summary>Set by the change links of "check your answers": after this step, go back there.</summary>
    [FromQuery(Name = "change")]
    public bool Changing { get; set; }

    public TState State { get; private set; } = null!;

    /// <summary>The step's URL segment; "check" for the check-your-answers page.</summary>
    public abstract string Slug { get; }

    public int StepNumber => Journey.NumberOf(Slug);

    public int StepCount => Journey.Steps.Count;

    public string BackPath => Changing
        ? Journey.CheckPath(JourneyId)
        : StepNumber == 1 ? Journey.BasePath
        : StepNumber == 0 ? Journey.StepPath(JourneyId, Journey.Steps[^1].Slug)
        : Journey.StepPath(JourneyId, Journey.Steps[StepNumber - 2].Slug);

    /// <summary>The action of this page's forms, keeping the "change" flag so the answer returns to the check page.</summary>
    public string SelfPath => Journey.StepPath(JourneyId, Slug) + (Changing ? "?change=true" : "");

    protected string NextPath() => Changing || StepNumber >= StepCount
        ? Journey.CheckPath(JourneyId)
        : Journey.StepPath(JourneyId, Journey.Steps[StepNumber].Slug);

    protected IStringLocalizer<SharedResource> L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected JourneyStore Store => HttpContext.RequestServices.GetRequiredService<JourneyStore>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpContext.RequestServices.GetRequiredService<JourneyOwnership>().Owns(Request, JourneyId))
        {
            // Not a journey this browser started: nothing about it, not even whether it exists, expired or was sent.
            // Asked before anything is read, so every such address gets the same answer.
            context.Result = NotFound();
            return;
        }
        var state = await Store.GetAsync<TState>(Journey.Name, JourneyId, HttpContext.RequestAborted);
        if (state is null)
        {
            // Back to a journey already submitted (the back button, a second click, a send whose answer was lost): its
            // receipt, not a fresh start.
            context.Result = await ReceiptOfSubmittedAsync() ?? Redirect($"{Journey.BasePath}?expired=true");
            return;
        }
        State = state;
        await next();
    }

    /// <summary>
    /// The way to this journey's receipt once it was submitted, for this browser that owns it: the receipt's ticket, with
    /// the access code while the receipt has not shown it (the first answer to the submit may never have arrived).
    /// Null when no case was made from this journey.
    /// </summary>
    protected Task<IActionResult?> ReceiptOfSubmittedAsync() => ReceiptModel.OfSubmittedAsync(HttpContext, JourneyId);

    protected Task SaveAsync() => Store.SaveAsync(Journey.Name, JourneyId, State, HttpContext.RequestAborted);

    protected void Error(string field, string message) => ModelState.AddModelError(field, L[message]);

    /// <summary>Adds an error when the answer is blank; returns whether there was an answer.</summary>
    protected bool Require(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(field, message);
            return false;
        }
        return true;
    }

    protected bool MaxLength(string? value, int length, string field)
    {
        if (value is not null && value.Length > length)
        {
            ModelState.AddModelError(field, L["Use at most {0} characters", length]);
            return false;
        }
        return true;
    }
}
