using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Parasol.Core.Deadlines;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Routing;

namespace Parasol.Core.Jobs;

public static class ParasolJobs
{
    /// <summary>The Portal's side: enqueue only, with LISTEN/NOTIFY so the BackOffice's workers wake at once.</summary>
    public static IServiceCollection AddParasolJobsClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.SectionName));
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var connectionString = Data.ParasolDatabase.ConnectionString(configuration);
        services.TryAddSingleton<JobStorage>(_ => CreateStorage(connectionString, options));
        services.TryAddSingleton<IBackgroundJobClient>(provider => new BackgroundJobClient(provider.GetRequiredService<JobStorage>()));
        services.Replace(ServiceDescriptor.Singleton<IOutboxDispatcher, HangfireOutboxDispatcher>());
        return services;
    }

    /// <summary>The BackOffice's side: the client, plus (unless <c>Jobs:RunServer</c> is false) a Hangfire server and the jobs.</summary>
    public static IServiceCollection AddParasolJobsServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddParasolJobsClient(configuration);
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.AddParasolJobs(configuration);
        // Jobs are made in this host's services. Hangfire's own registration is JobActivator.Current, a static that
        // the host to configure Hangfire last sets: with several hosts in one process (the tests, a host restarted in
        // place) a server could run its jobs in another host's services, on that host's database (its outbox rows not
        // found there, so skipped as done), or in a host already stopped (JobActivationTests).
        services.TryAddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            // Hangfire keeps its log provider in a static; see ProcessWideLogProvider.
            .UseLogProvider(new ProcessWideLogProvider(new AspNetCoreLogProvider(provider.GetRequiredService<ILoggerFactory>())))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.Queues = JobQueues.All;
                server.WorkerCount = options.WorkerCount;
            });
            services.AddHostedService<RecurringJobsRegistration>();
        }
        return services;
    }

    /// <summary>The jobs and what they need, without Hangfire: tests call the jobs directly.</summary>
    public static IServiceCollection AddParasolJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.SectionName));
        services.Configure<LinkOptions>(links =>
        {
            links.PortalBaseUrl = configuration["Portal:BaseUrl"] ?? links.PortalBaseUrl;
            links.BackOfficeBaseUrl = configuration["BackOffice:BaseUrl"] ?? links.BackOfficeBaseUrl;
        });
        services.TryAddSingleton<IMailDelivery, SmtpMailDelivery>();
        services.TryAddScoped<MailRenderer>();
        services.TryAddScoped<CaseRouter>();
        services.TryAddScoped<SendEmailJob>();
        services.TryAddScoped<RouteCaseJob>();
        services.TryAddScoped<OutboxBatchJob>();
        services.TryAddScoped<OutboxSweepJob>();
        services.TryAddScoped<DeadlineWatchJob>();
        services.TryAddScoped<Journeys.JourneySweepJob>();
        services.TryAddScoped<Queue.QueueTallyCompactionJob>();
        return services;
    }

    internal static PostgreSqlStorage CreateStorage(string connectionString, JobsOptions options)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = options.LongPolling,
            // Also the safety net of long polling: a notification missed under load costs a second, not fifteen.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            InvisibilityTimeout = options.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }
}
