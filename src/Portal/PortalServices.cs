using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Parasol.Portal.Accessibility;
using Parasol.Portal.NameDays;

namespace Parasol.Portal;

/// <summary>
/// The public portal's own services: compression, how far Kestrel reads ahead of an upload, the name-day calendar, the
/// accessibility statement's settings.
/// </summary>
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
        // Kestrel's socket transport reads up to 1 MB (its default) of each connection ahead of the page reading it, in
        // pinned 4 KB blocks its pool keeps. A family's upload arrives faster than the Portal stores it when its cores
        // are busy, so with 50 uploads at once bench/submit found ~35 MB of them on the pinned heap at its peak (of
        // ~280 MB resident). At 256 KB it is ~11 MB (peak ~250 MB): the rest of an upload waits in the kernel's socket
        // buffer and comes as fast as the Portal reads it. 64 KB saved ~3 MB more but cost the Portal CPU (more pauses
        // and resumptions of each socket's reads) and made the upload step a third slower on the quiet machine. A
        // request's headers (128 KB at most, OversizedRequests) still fit.
        services.Configure<SocketTransportOptions>(options => options.MaxReadBufferSize = 256 * 1024);
        services.Configure<AccessibilityStatementOptions>(configuration.GetSection(AccessibilityStatementOptions.Section));
        services.AddSingleton(NameDayCalendar.Load());
        return services;
    }
}
