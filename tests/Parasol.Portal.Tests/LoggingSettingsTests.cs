using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parasol.Portal.Tests;

/// <summary>
/// The Portal's own settings (appsettings.json: Warning for ASP.NET Core) hold for the categories whose Trace lines would
/// carry what a form held: the cap that keeps those lines out must not make them chattier than configured (it once
/// wrote a dozen Debug lines per request into production logs).
/// </summary>
public sealed class LoggingSettingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker")]
    [InlineData("Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker")]
    public void Page_execution_is_logged_at_the_configured_level_not_below(string category)
    {
        var logger = portal.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Debug));
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}
