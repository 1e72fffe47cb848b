using Hangfire;
using Hangfire.Dashboard;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Jobs;

public static class JobsDashboard
{
    /// <summary>Hangfire's dashboard at <c>/hangfire</c>, for administrators signed in to the back office.</summary>
    public static IApplicationBuilder UseParasolJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnly()],
            DashboardTitle = "Parasol — zadania w tle",
            AppPath = "/",
        });

    /// <summary>Backed by the staff cookie sign-in: only the Administrator role passes.</summary>
    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return Task.FromResult(user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRole.Administrator));
        }
    }
}
