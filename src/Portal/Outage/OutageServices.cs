using Microsoft.AspNetCore.Mvc;

namespace Parasol.Portal.Outage;

public static class OutageServices
{
    /// <summary>Shows the "try again" page instead of an error while the database is unavailable.</summary>
    public static IServiceCollection AddParasolOutagePage(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add<DatabaseOutageFilter>());
}
