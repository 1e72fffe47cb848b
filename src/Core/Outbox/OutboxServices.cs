using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parasol.Core.Deadlines;

namespace Parasol.Core.Outbox;

public static class OutboxServices
{
    /// <summary>The interceptor that writes outbox rows with every save; without a job client the rows wait for the sweep.</summary>
    public static IServiceCollection AddParasolOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeadlineOptions>(configuration.GetSection(DeadlineOptions.SectionName));
        services.TryAddSingleton<OutboxSecrets>();
        services.TryAddSingleton<OutboxPlanner>();
        services.TryAddSingleton<OutboxInterceptor>();
        services.TryAddSingleton<IOutboxDispatcher, NoOutboxDispatcher>();
        return services;
    }
}
