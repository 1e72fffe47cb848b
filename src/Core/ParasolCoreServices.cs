using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Parasol.Core.Access;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Journeys;
using Parasol.Core.Offices;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;
using Parasol.Core.Submissions;
using Parasol.Core.Web;

namespace Parasol.Core;

public static class ParasolCoreServices
{
    /// <summary>Registers the database, the clock, the attachment store and the domain services both apps use.</summary>
    public static IServiceCollection AddParasolCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ParasolDatabase.ConnectionString(configuration);
        // The options are built once (the interceptor is a singleton): built per scope, they took a fifth of the CPU
        // of every Portal page, even of those that never reach the database (bench/portal). The contexts are pooled:
        // a new one per request resolved its internal services and looked its model up again each time (6 % of the
        // Portal's CPU under bench/submit). A context returned to the pool is reset (tracked entities, transaction,
        // savepoint setting); it holds no state of its own.
        services.AddDbContextPool<ParasolDbContext>((provider, options) =>
        {
            ParasolDatabase.Configure(options, connectionString);
            options.AddInterceptors(provider.GetRequiredService<OutboxInterceptor>());
        });
        services.AddParasolOutbox(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.Configure<AttachmentStoreOptions>(configuration.GetSection(AttachmentStoreOptions.SectionName));
        services.TryAddSingleton<IAttachmentStore>(provider =>
            provider.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value.Store == AttachmentStoreKind.S3
                ? ActivatorUtilities.CreateInstance<S3AttachmentStore>(provider)
                : ActivatorUtilities.CreateInstance<FileSystemAttachmentStore>(provider));
        services.AddScoped<CaseNumberAllocator>();
        services.Configure<JourneyOptions>(configuration.GetSection(JourneyOptions.SectionName));
        services.Configure<AttachmentRules>(configuration.GetSection(AttachmentRules.SectionName));
        services.AddScoped<JourneyStore>();
        services.AddScoped<AttachmentUploader>();
        services.Configure<ClamAvOptions>(configuration.GetSection(ClamAvOptions.SectionName));
        services.AddScoped<AttachmentScanner>();
        services.AddScoped<CaseSubmitter>();
        services.AddScoped<CaseStatusLookup>();
        services.AddScoped<AccessCodeReveals>();
        services.AddScoped<PendingAccessCodes>();
        services.AddScoped<CaseCompletion>();
        services.AddScoped<OfficeProfileService>();
        services.AddScoped<SignInSessions>();
        services.Configure<SignInLockoutOptions>(configuration.GetSection(SignInLockoutOptions.SectionName));
        services.AddScoped<SignInLockouts>();
        services.AddScoped<TrustedDevices>();
        services.AddParasolCaseWork(configuration);
        // Several instances of each app behind a load balancer must read each other's cookies and tokens; the keys
        // are encrypted with a certificate kept outside the database when one is configured.
        services.AddDataProtection().SetApplicationName("Parasol").PersistKeysToDbContext<ParasolDbContext>().ProtectKeysAtRest(configuration);
        services.AddHealthChecks().AddDbContextCheck<ParasolDbContext>("database");
        return services;
    }
}
