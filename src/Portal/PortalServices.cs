using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Parasol.Portal.Accessibility;
using Parasol.Portal.NameDays;

namespace Parasol.Portal;

/// <summary>The public portal's own services: compression, the name-day calendar, the accessibility statement's settings.</summary>
public static class PortalServices
{
    public static IServiceCollection AddParasolPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddResponseCompression(options =>
        {
            // Pages carry antiforgery tokens, but those are re-encrypted with a fresh IV on every response, so
            // compressing over HTTPS does not open a BREACH-style oracle on them.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Pages are compressed on every request (each carries its own antiforgery token): the fastest level keeps a page
        // at about the same size over the wire (a few hundred bytes more) for a fraction of the CPU; at "optimal",
        // compression took two thirds of the Portal's throughput (bench/portal).
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<AccessibilityStatementOptions>(configuration.GetSection(AccessibilityStatementOptions.Section));
        services.AddSingleton(NameDayCalendar.Load());
        return services;
    }
}
