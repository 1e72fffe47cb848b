using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Parasol.Core.Data;

namespace Parasol.Portal.Outage;

/// <summary>
/// When the database cannot be reached while a page runs (stopped, restarting, out of connections), the visitor gets
/// a clear "try again" page (503) instead of an error: a POST comes back as a form holding everything that was
/// posted, so one press sends the same answers again. Journey steps and the submit are safe to repeat (the submit is
/// keyed by the journey id), so a request whose answer was lost in the outage is never stored twice.
/// </summary>
internal sealed partial class DatabaseOutageFilter(IModelMetadataProvider metadata, ILogger<DatabaseOutageFilter> logger) : IExceptionFilter
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    public void OnException(ExceptionContext context)
    {
        if (!DatabaseFailures.IsUnavailable(context.Exception))
        {
            return;
        }
        var request = context.HttpContext.Request;
        LogUnavailable(logger, request.Method, context.ActionDescriptor.DisplayName, context.Exception.GetType().Name);

        var isPost = HttpMethods.IsPost(request.Method);
        var hasForm = isPost && request.HasFormContentType;
        var hadFiles = hasForm && request.Form.Files.Count > 0;
        var fields = hasForm && !hadFiles
            ? request.Form.Where(f => f.Key != AntiforgeryField)
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList()
            : [];
        // A file cannot be carried over; the visitor goes back to the page to choose it again.
        var action = hadFiles ? $"{request.PathBase}{request.Path}" : $"{request.PathBase}{request.Path}{request.QueryString}";
        var model = new TryAgainModel(isPost && !hadFiles, action, fields, hadFiles);

        context.HttpContext.Response.Headers.RetryAfter = "30";
        context.Result = new ViewResult
        {
            ViewName = "/Pages/Outage/_TryAgain.cshtml",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<TryAgainModel>(metadata, context.ModelState) { Model = model },
        };
        context.ExceptionHandled = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was unavailable during {Method} {Page} ({Error}); the visitor was asked to try again.")]
    private static partial void LogUnavailable(ILogger logger, string method, string? page, string error);
}
