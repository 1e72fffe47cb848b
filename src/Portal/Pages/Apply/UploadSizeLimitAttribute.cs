using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Refuses an oversized upload before anything reads its file: it runs ahead of the antiforgery check (which reads the
/// form), and caps what Kestrel and the form reader will accept from a client that does not declare its length.
/// <para>
/// A browser whose declared length is over the limit gets the page back with the reason, as for any other refused
/// file: only the form's fields before the file are read (the token, the kind of document chosen), the handler sees no
/// file and asks <see cref="RefusedAsTooLarge"/>, and the page keeps the family's choice and the "change" flag of its
/// address. A body laid out otherwise is answered with a redirect to the page and the reason, keeping that flag.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the form's other fields and multipart boundaries around the one file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public int Order => 900;

    /// <summary>Whether this request's file was refused for its declared size, so that the form holds only its fields.</summary>
    public static bool RefusedAsTooLarge(HttpContext context) => context.Features.Get<TooLargeUpload>() is not null;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
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
            // The fields are a few kB at the start of the body; the rest is neither read nor kept.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } declared)
            {
                declared.MaxRequestBodySize = null;
            }
            if (await StreamUploadAttribute.FieldsBeforeFileAsync(http) is { } fields)
            {
                http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
                http.Features.Set(new TooLargeUpload());
                return;
            }
            var change = http.Request.Query["change"] == "true" ? "change=true&" : "";
            context.Result = new RedirectResult($"{http.Request.PathBase}{http.Request.Path}?{change}problem={UploadProblem.TooLarge}");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }

    private sealed class TooLargeUpload;
}
