using Parasol.Portal.Pages.Status;

namespace Parasol.Portal.Pages.Apply;

public static class ApplyServices
{
    /// <summary>The application journeys, receipts and the status page.</summary>
    public static IServiceCollection AddParasolApply(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReceiptTickets>();
        services.AddSingleton<JourneyOwnership>();
        services.AddSingleton<StatusTickets>();
        services.Configure<StatusLookupOptions>(configuration.GetSection(StatusLookupOptions.SectionName));
        services.AddSingleton<StatusLookupLimiter>();
        SubmitLimiter.Register(services, configuration);
        StartLimiter.Register(services, configuration);
        UploadLimiter.Register(services, configuration);
        return services;
    }
}
