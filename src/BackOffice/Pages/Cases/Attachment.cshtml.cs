using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Parasol.BackOffice.Security;
using Parasol.Core.Attachments;
using Parasol.Core.Audit;

namespace Parasol.BackOffice.Pages.Cases;

/// <summary>
/// Streams an attachment of a case the person may see: inline for PDFs and images, otherwise as a download.
/// Every view and download is audited; anything else is refused the same way whether or not it exists.
/// </summary>
public sealed class AttachmentModel(CurrentStaff current, IAttachmentStore store, AuditLog audit) : PageModel
{
    private static readonly string[] Inline = ["application/pdf", "image/png", "image/jpeg"];

    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid attachmentId, bool download, CancellationToken cancellationToken)
    {
        var staff = await current.GetAsync(cancellationToken);
        var attachment = await staff.Cases.Where(c => c.Id == caseId).SelectMany(c => c.Attachments)
            .Where(a => a.Id == attachmentId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var stream = attachment is null ? null : await store.OpenReadAsync(attachment.StorageKey, cancellationToken);
        if (attachment is null || stream is null)
        {
            await audit.WriteAsync(staff.StaffId, AuditAction.AccessRefused, caseId, attachmentId, "attachment", cancellationToken);
            return Forbid();
        }
        var asDownload = download || !Inline.Contains(attachment.ContentType);
        await audit.WriteAsync(staff.StaffId, asDownload ? AuditAction.AttachmentDownloaded : AuditAction.AttachmentViewed,
            caseId, attachmentId, cancellationToken: cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue(asDownload ? "attachment" : "inline");
        disposition.SetHttpFileName(attachment.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(stream, attachment.ContentType);
    }
}
