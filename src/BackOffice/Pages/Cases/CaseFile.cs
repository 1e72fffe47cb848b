using Microsoft.EntityFrameworkCore;
using Parasol.Core.Access;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Data;

namespace Parasol.BackOffice.Pages.Cases;

/// <summary>
/// What the case page shows, loaded through the person's access scope. The answers are the applicant's check page as it
/// was stored at submission (<see cref="Summary"/>); a case stored before that has only the journey's JSON, which
/// <see cref="OlderAnswers"/> reads.
/// </summary>
public sealed record CaseFile(Case Case, IReadOnlyDictionary<Guid, string> StaffNames, AnswerSummary? Summary)
{
    /// <summary>The case's files in the order they arrived, each with when and how it came.</summary>
    public IReadOnlyList<CaseAttachment> Files { get; } = CaseAttachment.Of(Case);

    public static async Task<CaseFile?> LoadAsync(ParasolDbContext db, StaffScope staff, Guid id, CancellationToken cancellationToken)
    {
        var c = await staff.Cases.AsNoTracking().AsSplitQuery()
            .Include(x => x.People.OrderBy(p => p.Position))
            .Include(x => x.Attachments.OrderBy(a => a.UploadedAt))
            .Include(x => x.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
            .Include(x => x.District)
            .Include(x => x.SocialWorker)
            .Include(x => x.FamilyAssistant)
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }
        var actorIds = c.Events.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, cancellationToken);
        return new CaseFile(c, names, AnswerSummary.FromJson(c.AnswerSummaryJson));
    }
}

/// <summary>
/// An attached file as staff read it. Files sent with the case arrived when the case did (a journey uploads them before
/// the family sends it); a completion document arrived when the family sent the completion, the first
/// <see cref="CaseEventKind.CompletionReceived"/> at or after its upload.
/// </summary>
public sealed record CaseAttachment(Attachment File, DateTimeOffset ArrivedAt, bool InAnswerToCompletionRequest)
{
    public static IReadOnlyList<CaseAttachment> Of(Case c) =>
        [.. c.Attachments.Select(a => a.Kind == AttachmentKind.CompletionDocument
                ? new CaseAttachment(a, c.Events.Where(e => e.Kind == CaseEventKind.CompletionReceived && e.OccurredAt >= a.UploadedAt)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).Min() ?? a.UploadedAt, InAnswerToCompletionRequest: true)
                : new CaseAttachment(a, c.ReceivedAt, InAnswerToCompletionRequest: false))
            .OrderBy(a => a.ArrivedAt)];
}
