using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Parasol.Core.Web;

/// <summary>
/// Behind a load balancer or reverse proxy, the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses)
/// and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); without either, only a proxy on this machine (loopback).
/// So per-address rate limits count the real client, and a client cannot escape them by sending the header itself.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddParasolForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration.GetSection($"{SectionName}:KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = Values(configuration.GetSection($"{SectionName}:KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through every trusted proxy in the chain; the first address not trusted is the client.
            options.ForwardLimit = null;
            if (proxies.Count + networks.Count > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });
        return services;
    }

    /// <summary>Takes the client's address and scheme from trusted proxies; the first middleware of both apps.</summary>
    public static IApplicationBuilder UseParasolForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>A list in configuration, either as an array (<c>KnownProxies__0</c>, …) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
