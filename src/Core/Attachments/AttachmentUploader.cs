using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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

    /// <summary>Cut short: no end marker (a PDF's %%EOF, a PNG's IEND, a JPEG's end of image).</summary>
    Damaged,

    /// <summary>Something besides the document: data after its end, or markup a browser would run.</summary>
    HiddenContent,

    /// <summary>A PDF with JavaScript, a launch action or embedded files.</summary>
    ActiveContent,

    TooManyFiles,

    /// <summary>The virus scanner found something.</summary>
    Infected,

    /// <summary>The virus scanner could not be asked; the upload is refused rather than taken unscanned.</summary>
    ScanUnavailable,

    /// <summary>The store could not keep the file (disk full, unwritable, unreachable); nothing was kept.</summary>
    StoreUnavailable,

    /// <summary>The upload broke off on the sender's side (connection lost, body cut short); nothing was kept.</summary>
    Interrupted,

    /// <summary>The very same file (by its SHA-256) is already there: see <see cref="AttachmentUploader.SameFileAsync"/>.</summary>
    Duplicate,
}

/// <summary>What became of an upload; <paramref name="SameAs"/> names the file already there when it was a <see cref="UploadProblem.Duplicate"/>.</summary>
public sealed record UploadResult(Attachment? Attachment, UploadProblem Problem, string? SameAs = null);

/// <summary>
/// Accepts a file for an unfinished journey: the type from its first bytes, the size counted while streaming to the
/// store under a random key, SHA-256 computed on the way. Files stay with the journey until the submit moves them.
/// </summary>
public sealed partial class AttachmentUploader(
    ParasolDbContext db, IAttachmentStore store, AttachmentScanner scanner, TimeProvider time, IOptions<AttachmentRules> rules, ILogger<AttachmentUploader> logger)
{
    /// <summary>The first key of the advisory locks uploads take, so they cannot meet another kind of advisory lock.</summary>
    private const int UploadLockClass = 0x0A77AC;

    public AttachmentRules Rules => rules.Value;

    public async Task<UploadResult> UploadAsync(Guid journeyId, AttachmentKind kind, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        try
        {
            return await UploadFromSenderAsync(journeyId, kind, fileName, new SenderStream(content), cancellationToken);
        }
        catch (UploadInterruptedException e)
        {
            // The sender's side, not ours: no alarm, and (if anyone is still there) "send it again", not "try later".
            LogInterrupted(logger, e.InnerException);
            return new UploadResult(null, UploadProblem.Interrupted);
        }
    }

    private async Task<UploadResult> UploadFromSenderAsync(Guid journeyId, AttachmentKind kind, string? fileName, SenderStream content, CancellationToken cancellationToken)
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

        // A completion's files wait under the case's own id, so the case's stored files count towards its limits too.
        var already = await db.Attachments.Where(a => a.JourneyId == journeyId || a.CaseId == journeyId)
            .GroupBy(a => 1).Select(g => new { Count = g.Count(), Bytes = g.Sum(a => a.SizeBytes) }).SingleOrDefaultAsync(cancellationToken);
        if (already?.Count >= Rules.MaxFilesPerCase)
        {
            return new UploadResult(null, UploadProblem.TooManyFiles);
        }

        var key = Guid.NewGuid().ToString("N");
        var inspector = new ContentInspector(contentType);
        using var counting = new CountingHashStream(new PrefixedStream(head.AsMemory(0, headLength), content), Rules.MaxFileBytes, inspector);
        try
        {
            await store.SaveAsync(key, counting, cancellationToken);
        }
        catch (AttachmentTooLargeException)
        {
            return new UploadResult(null, UploadProblem.TooLarge);
        }
        catch (AttachmentStoreUnavailableException e)
        {
            LogStoreUnavailable(logger, e.InnerException);
            return new UploadResult(null, UploadProblem.StoreUnavailable);
        }

        var problem = inspector.Verdict();
        var (size, sha256) = (counting.BytesRead, counting.Sha256Hex());
        if (problem == UploadProblem.None && inspector.KeepOnlyFirst is { } keep)
        {
            try
            {
                (key, size, sha256) = await KeepPhotoOnlyAsync(key, keep, cancellationToken);
            }
            catch (AttachmentStoreUnavailableException e)
            {
                LogStoreUnavailable(logger, e.InnerException);
                return new UploadResult(null, UploadProblem.StoreUnavailable);
            }
        }
        // The same file already there is found when the row is recorded, under the journey's lock (RecordAsync): one
        // query per upload, and a double click's two uploads cannot both pass it.
        if (problem == UploadProblem.None && (already?.Bytes ?? 0) + size > Rules.MaxCaseBytes)
        {
            problem = UploadProblem.CaseTotalTooLarge;
        }
        if (problem == UploadProblem.None)
        {
            problem = await scanner.ScanAsync(key, cancellationToken);
        }
        if (problem != UploadProblem.None)
        {
            await store.DeleteAsync(key, CancellationToken.None);
            return new UploadResult(null, problem);
        }

        UploadResult recorded;
        try
        {
            recorded = await RecordAsync(journeyId, kind, fileName, contentType, key, size, sha256, cancellationToken);
        }
        catch
        {
            // The database did not take the file's row (an outage, a cancelled request): no file without its row.
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        if (recorded.Problem != UploadProblem.None)
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        return recorded;
    }

    /// <summary>
    /// The name of a file with these very bytes that is already with the journey as the same kind of document (the same
    /// certificate twice is a slip; one scan holding two certificates may rightly be given as each), or, for a
    /// completion, already with the case it completes; null when there is none.
    /// </summary>
    private Task<string?> SameFileAsync(Guid journeyId, AttachmentKind kind, string sha256, CancellationToken cancellationToken) =>
        db.Attachments
            .Where(a => a.Sha256 == sha256 && ((a.JourneyId == journeyId && a.CaseId == null && a.Kind == kind) || a.CaseId == journeyId))
            .OrderBy(a => a.UploadedAt).Select(a => a.FileName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A motion photo: stores its first bytes (the photo) under a new key and deletes the upload with the video, so the
    /// office keeps only what the family meant to send.
    /// </summary>
    private async Task<(string Key, long Size, string Sha256)> KeepPhotoOnlyAsync(string key, long keep, CancellationToken cancellationToken)
    {
        var photoKey = Guid.NewGuid().ToString("N");
        try
        {
            await using var stored = await store.OpenReadAsync(key, cancellationToken)
                ?? throw new AttachmentStoreUnavailableException(new FileNotFoundException("The upload just stored could not be read back."));
            using var photo = new CountingHashStream(new LengthLimitedStream(stored, keep), Rules.MaxFileBytes);
            await store.SaveAsync(photoKey, photo, cancellationToken);
            return (photoKey, photo.BytesRead, photo.Sha256Hex());
        }
        finally
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>
    /// The file's row, unless the same file got there first: two uploads to one journey at once (a double click on
    /// "Upload file") take turns under a lock on the journey, so the second finds the first's row.
    /// </summary>
    private async Task<UploadResult> RecordAsync(
        Guid journeyId, AttachmentKind kind, string? fileName, string contentType, string key, long size, string sha256, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({UploadLockClass}, hashtext({journeyId.ToString("N")}))", cancellationToken);
            if (await SameFileAsync(journeyId, kind, sha256, cancellationToken) is { } existing)
            {
                return new UploadResult(null, UploadProblem.Duplicate, existing);
            }
            var recorded = await AddRowAsync(journeyId, kind, fileName, contentType, key, size, sha256, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return recorded;
        });
    }

    private async Task<UploadResult> AddRowAsync(
        Guid journeyId, AttachmentKind kind, string? fileName, string contentType, string key, long size, string sha256, CancellationToken cancellationToken)
    {
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            JourneyId = journeyId,
            Kind = kind,
            FileName = FileNames.Sanitize(fileName, contentType),
            ContentType = contentType,
            SizeBytes = size,
            Sha256 = sha256,
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The attachment store could not keep an upload; the family was asked to try again later")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "An upload broke off on the sender's side; nothing was kept")]
    private static partial void LogInterrupted(ILogger logger, Exception? error);
}
