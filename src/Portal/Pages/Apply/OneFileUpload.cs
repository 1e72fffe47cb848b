using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>Hands the one file of an upload form to the uploader, whether it was streamed or buffered.</summary>
public static class OneFileUpload
{
    /// <summary>
    /// Takes one upload from the client address's allowance (<see cref="UploadLimiter"/>) before any of the file is read.
    /// Null when it may go on; else the message for the file field, the status set to 429 with <c>Retry-After</c>, and
    /// the rest of the body read and dropped (a browser sends the whole body before it reads the answer: left unread, the
    /// connection could be cut under it), so nothing of the file is written anywhere.
    /// </summary>
    public static async Task<string?> OverLimitAsync(HttpRequest request, IFormFile file, IStringLocalizer l)
    {
        var limiter = request.HttpContext.RequestServices.GetRequiredService<UploadLimiter>();
        if (await limiter.TryAcquireAsync(request.HttpContext))
        {
            return null;
        }
        var minutes = limiter.Refuse(request.HttpContext.Response);
        if (file is StreamedFormFile streamed)
        {
            try
            {
                await streamed.ReadRestAsync(request.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or MoreThanOneFileException)
            {
                // The body broke off, is malformed or carried a second file: the limit is the answer all the same.
                // (A connection the network reset has been ended already: DroppedConnections.)
            }
        }
        return UploadMessages.OverLimit(minutes, l);
    }

    /// <summary>
    /// The uploader's result, or null when the form carried a second file (then nothing was kept). A body that
    /// cannot be read past the file throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static async Task<UploadResult?> SendAsync(HttpRequest request, IFormFile file, Func<string, Stream, Task<UploadResult>> upload)
    {
        if (request.Form.Files.Count > 1)
        {
            return null;
        }
        try
        {
            UploadResult result;
            await using (var content = file.OpenReadStream())
            {
                result = await upload(file.FileName, content);
            }
            // Refused for what the file is, before its end was read: a second file still comes first, as when the form
            // was read whole. Not after TooLarge (the rest of the body may be large too), nor when the body broke off
            // (it cannot be read on), nor when the store failed (the rest of the body is not worth waiting for).
            if (file is StreamedFormFile streamed
                && result.Problem is not (UploadProblem.None or UploadProblem.TooLarge or UploadProblem.StoreUnavailable or UploadProblem.Interrupted))
            {
                try
                {
                    await streamed.ReadRestAsync(request.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException)
                {
                    // The body broke off or cannot be read on: the problem already found is the answer.
                }
            }
            return result;
        }
        catch (MoreThanOneFileException)
        {
            return null;
        }
    }
}
