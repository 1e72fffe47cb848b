using Microsoft.Extensions.Logging;

namespace Parasol.Core.Web;

public static class PrivateLogging
{
    /// <summary>
    /// Log categories that write what a form carried, capped below the level at which they do, whatever the
    /// configuration turns up: at Trace, ASP.NET Core writes every argument a page handler was called with (a note on a
    /// case, a reason for a completion request: health, children, court matters). An operator who turns logging up to
    /// find a fault gets everything else.
    /// </summary>
    public static ILoggingBuilder AddParasolPrivateLogging(this ILoggingBuilder logging) => logging
        .AddFilter("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker", LogLevel.Debug)
        .AddFilter("Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker", LogLevel.Debug);
}
