using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Refuses an oversized upload before anything reads its body: it runs ahead of the antiforgery check (which reads the
/// form), sends a browser whose declared length is over the limit back with a clear message, and caps what Kestrel and
/// the form reader will accept from a client that does not declare its length.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the form's other fields and multipart boundaries around the one file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }
        var rules = http.RequestServices.GetRequiredService<IOptions<AttachmentRules>>().Value;
        var limit = rules.MaxFileBytes + FormOverheadBytes;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult($"{http.Request.Path}?problem={UploadProblem.TooLarge}");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
