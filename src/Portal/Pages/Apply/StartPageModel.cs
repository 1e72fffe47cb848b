using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Parasol.Core.Journeys;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>What the start pages' shared notice needs from any journey's start page.</summary>
public interface IStartPage
{
    /// <summary>Why "Start now" created nothing, when it was refused.</summary>
    string? Refusal { get; }
}

/// <summary>A journey's start page: what it is for and what to have ready; "Start now" creates the server-side state.</summary>
public abstract class StartPageModel<TJourney, TState> : PageModel, IStartPage
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    [FromQuery(Name = "expired")]
    public bool Expired { get; set; }

    public string? Refusal { get; private set; }

    public double ExpiryHours => HttpContext.RequestServices.GetRequiredService<IOptions<JourneyOptions>>().Value.ExpiryHours;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] JourneyStore store, [FromServices] StartLimiter limiter)
    {
        if (!await limiter.TryAcquireAsync(HttpContext))
        {
            // Nothing is created; journeys already started from this address are untouched and can be finished.
            var minutes = limiter.Refuse(Response);
            var l = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            Refusal = l["Too many applications have been started from your connection. Those already started are saved and you can finish them: to start a new one, wait {0}.", l.Minutes(minutes)];
            return Page();
        }
        var journey = JourneyPageModel<TJourney, TState>.Journey;
        var id = await store.StartAsync(journey.Name, new TState(), HttpContext.RequestAborted);
        HttpContext.RequestServices.GetRequiredService<JourneyOwnership>().Claim(HttpContext, id);
        return Redirect(journey.StepPath(id, journey.Steps[0].Slug));
    }
}
