using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Parasol.Core.Journeys;

namespace Parasol.Portal.Pages.Apply;

/// <summary>A journey's start page: what it is for and what to have ready; "Start now" creates the server-side state.</summary>
public abstract class StartPageModel<TJourney, TState> : PageModel
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    [FromQuery(Name = "expired")]
    public bool Expired { get; set; }

    public double ExpiryHours => HttpContext.RequestServices.GetRequiredService<IOptions<JourneyOptions>>().Value.ExpiryHours;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] JourneyStore store)
    {
        var journey = JourneyPageModel<TJourney, TState>.Journey;
        var id = await store.StartAsync(journey.Name, new TState(), HttpContext.RequestAborted);
        HttpContext.RequestServices.GetRequiredService<JourneyOwnership>().Claim(HttpContext, id);
        return Redirect(journey.StepPath(id, journey.Steps[0].Slug));
    }
}
