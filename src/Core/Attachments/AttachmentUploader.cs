using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Attachments;

public enum UploadProblem
{
    None = 0,
    Empty,
    TooLarge,
    TypeNotAllowed,
    CaseTotalTooLarge,
}

public sealed record UploadResult(Attachment? Attachment, UploadProblem Problem);

/// <summary>
/// Accepts a file for an unfinished journey: the type from its first bytes, the size counted while streaming to the
/// store under a random key, SHA-256 computed on the way. Files stay with the journey until the submit moves them.
/// </summary>
public sealed class AttachmentUploader(ParasolDbContext db, IAttachmentStore store, TimeProvider time, IOptions<AttachmentRules> rules)
{
    public AttachmentRules Rules => rules.Value;

    public async Task<UploadResult> UploadAsync(Guid journeyId, AttachmentKind kind, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var head = new byte[FileSignature.BytesNeeded];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (headLength == 0)
        {
            return new UploadResult(null, UploadProblem.Empty);
        }
        var contentType = FileSignature.Detect(head.AsSpan(0, headLength));
        if (contentType is null || !Rules.AllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return new UploadResult(null, UploadProblem.TypeNotAllowed);
        }

        var key = Guid.NewGuid().ToString("N");
        using var counting = new CountingHashStream(new PrefixedStream(head.AsMemory(0, headLength), content), Rules.MaxFileBytes);
        try
        {
            await store.SaveAsync(key, counting, cancellationToken);
        }
        catch (AttachmentTooLargeException)
        {
            return new UploadResult(null, UploadProblem.TooLarge);
        }

        // A completion's files wait under the case's own id, so the case's stored files count towards its limit too.
        var alreadyAttached = await db.Attachments.Where(a => a.JourneyId == journeyId || a.CaseId == journeyId).SumAsync(a => a.SizeBytes, cancellationToken);
        if (alreadyAttached + counting.BytesRead > Rules.MaxCaseBytes)
        {
            await store.DeleteAsync(key, cancellationToken);
            return new UploadResult(null, UploadProblem.CaseTotalTooLarge);
        }

        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            JourneyId = journeyId,
            Kind = kind,
            FileName = FileNames.Sanitize(fileName, contentType),
            ContentType = contentType,
            SizeBytes = counting.BytesRead,
            Sha256 = counting.Sha256Hex(),
            StorageKey = key,
            UploadedAt = time.GetUtcNow(),
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return new UploadResult(attachment, UploadProblem.None);
    }

    public Task<List<Attachment>> ListAsync(Guid journeyId, CancellationToken cancellationToken = default) =>
        db.Attachments.AsNoTracking().Where(a => a.JourneyId == journeyId && a.CaseId == null)
            .OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);

    /// <summary>Removes a file the applicant no longer wants; only from an unfinished journey, never from a case.</summary>
    public async Task RemoveAsync(Guid journeyId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(
            a => a.Id == attachmentId && a.JourneyId == journeyId && a.CaseId == null, cancellationToken);
        if (attachment is null)
        {
            return;
        }
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(attachment.StorageKey, cancellationToken);
    }
}
