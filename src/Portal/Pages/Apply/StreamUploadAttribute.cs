using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Lets the handlers that take a file (Upload, and the buttons that send a chosen file along, such as Continue) stream its file from the request body instead of the form reader buffering it to a
/// temporary file first (the antiforgery check reads the whole form). Our upload forms put the token and the small
/// fields before the file, so this reads the body only up to the file: those fields become the request's form, which
/// the antiforgery check (Order 1000) validates, and the file is a <see cref="StreamedFormFile"/> whose bytes are
/// still unread. A body laid out otherwise (an old page, another client) is rewound and read by the form reader as
/// before. Runs after <see cref="UploadSizeLimitAttribute"/> (Order 900), which has set the body's limits.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamUploadAttribute(params string[] handlers) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The handlers whose form carries the file; Upload when none is named.</summary>
    public IReadOnlyList<string> Handlers { get; } = handlers.Length == 0 ? ["Upload"] : handlers;

    /// <summary>The file input's name on every upload form.</summary>
    public const string FileField = "file";

    /// <summary>How much of the body may come before the file: the token and a few short fields need far less.</summary>
    private const int FieldsLimit = 16 * 1024;

    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || UploadSizeLimitAttribute.RefusedAsTooLarge(context.HttpContext)
            || !TakesFile(context) || Boundary(request) is not { } boundary)
        {
            return;
        }
        var start = new RewindableBodyStart(request.Body, FieldsLimit);
        request.Body = start;
        if (await ReadToFileAsync(context.HttpContext, start, boundary) is { } form)
        {
            start.Forget();
            var files = new FormFileCollection { new StreamedFormFile(form.Reader, form.Section, form.File) };
            context.HttpContext.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form.Fields, files)));
            return;
        }
        start.Rewind();
    }

    /// <summary>
    /// The fields of an upload form that come before its file, read from the start of the body and never from the file;
    /// null when the body is not laid out that way.
    /// </summary>
    public static async Task<Dictionary<string, StringValues>?> FieldsBeforeFileAsync(HttpContext context) =>
        Boundary(context.Request) is { } boundary
            && await ReadToFileAsync(context, new RewindableBodyStart(context.Request.Body, FieldsLimit), boundary) is { } form
            ? form.Fields
            : null;

    private sealed record FormStart(Dictionary<string, StringValues> Fields, MultipartReader Reader, MultipartSection Section, FileMultipartSection File);

    /// <summary>
    /// Reads the form's fields up to its file. Null when no file was chosen, the file is another input, the token did
    /// not come first, or the body is malformed, too long before the file or cut short: the form reader meets those
    /// bytes and answers as it always has.
    /// </summary>
    private static async Task<FormStart?> ReadToFileAsync(HttpContext context, Stream body, string boundary)
    {
        var tokenField = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
        var reader = new MultipartReader(boundary, body, FieldsLimit);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section
                && section.GetContentDispositionHeader() is { } disposition)
            {
                if (disposition.IsFileDisposition())
                {
                    var file = new FileMultipartSection(section, disposition);
                    return file.Name != FileField || file.FileName.Length == 0 || !fields.ContainsKey(tokenField)
                        ? null
                        : new FormStart(fields, reader, section, file);
                }
                if (disposition.IsFormDisposition())
                {
                    var field = new FormMultipartSection(section, disposition);
                    var value = await field.GetValueAsync(context.RequestAborted);
                    fields[field.Name] = StringValues.Concat(fields.GetValueOrDefault(field.Name), value);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Malformed, too long before the file, or cut short.
        }
        return null;
    }

    /// <summary>The handler as Razor Pages chooses it: from the route, else from the query string.</summary>
    private bool TakesFile(AuthorizationFilterContext context)
    {
        var handler = Convert.ToString(context.RouteData.Values["handler"], CultureInfo.InvariantCulture) is { Length: > 0 } routed
            ? routed
            : context.HttpContext.Request.Query["handler"].FirstOrDefault();
        return handler is not null && Handlers.Contains(handler, StringComparer.OrdinalIgnoreCase);
    }

    private static string? Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary);
        return boundary.Length is > 0 and <= 70 ? boundary.ToString() : null;
    }
}
