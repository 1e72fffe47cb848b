using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Parasol.BackOffice.Security;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Jobs;

public static class JobsDashboard
{
    /// <summary>Hangfire's dashboard at <c>/hangfire</c>, for administrators signed in to the back office.</summary>
    public static IApplicationBuilder UseParasolJobsDashboard(this IApplicationBuilder app)
    {
        // Someone not signed in is sent to the sign-in page, and a session still without its second factor to the
        // authenticator page, as everywhere else in the back office (the pages' filter does not run here).
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }
            if (TwoFactorRequiredFilter.LacksSecondFactor(context.User, context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value))
            {
                context.Response.Redirect("/Account/Authenticator");
                return;
            }
            await next(context);
        }));
        return app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnly()],
            DashboardTitle = "Parasol — zadania w tle",
            AppPath = "/",
        });
    }

    private const string Path = "/hangfire";

    /// <summary>Backed by the staff cookie sign-in: only the Administrator role passes, and only with its second factor where required.</summary>
    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var user = http.User;
            var staff = http.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value;
            return Task.FromResult(user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRole.Administrator)
                && !TwoFactorRequiredFilter.LacksSecondFactor(user, staff));
        }
    }
}
