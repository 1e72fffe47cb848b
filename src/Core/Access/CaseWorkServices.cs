using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Audit;
using Parasol.Core.Queue;
using Parasol.Core.Workflow;

namespace Parasol.Core.Access;

public static class CaseWorkServices
{
    /// <summary>Access rules, the audit log, the workflow and the queue.</summary>
    public static IServiceCollection AddParasolCaseWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.SectionName));
        services.AddScoped<CaseAccess>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CaseWorkflowService>();
        services.AddScoped<CaseQueue>();
        return services;
    }
}
