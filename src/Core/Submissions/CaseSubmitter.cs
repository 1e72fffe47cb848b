using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Deadlines;

namespace Parasol.Core.Submissions;

/// <summary>The outcome of a submit. <see cref="Case.IssuedAccessCode"/> is set only when this call created the case.</summary>
public sealed record SubmissionResult(Case Case, bool Created);

/// <summary>
/// Turns a journey into a case in one transaction: people, the journey's attachments, the Received event (from which
/// routing and the receipt e-mail are derived) and the deletion of the journey state, which leaves the access code in
/// its place until the receipt shows it (<see cref="PendingAccessCodes"/>); the database numbers the case as the
/// transaction commits. The journey id is the submission key, so a double click or a repeated POST finds the case the
/// first one made.
/// </summary>
public sealed class CaseSubmitter(
    ParasolDbContext db, CaseNumberAllocator numbers, PendingAccessCodes pendingCodes, TimeProvider time, IOptions<DeadlineOptions> deadlines)
{
    private const string UniqueViolation = "23505";

    public async Task<SubmissionResult> SubmitAsync(Guid journeyId, CaseDraft draft, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(journeyId, cancellationToken) is { } existing)
        {
            return new SubmissionResult(existing, Created: false);
        }

        var accessCode = AccessCode.Generate();
        // Encrypted before the transaction, so the key ring is in memory before any connection or lock is held (the
        // receipt e-mail's outbox row encrypts the code again inside it: PendingAccessCodes.Protect).
        var protectedCode = pendingCodes.Protect(journeyId, accessCode);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var created = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
                var @case = Build(journeyId, draft, accessCode);
                db.Cases.Add(@case);

                var attachments = await db.Attachments.Where(a => a.JourneyId == journeyId && a.CaseId == null).ToListAsync(cancellationToken);
                foreach (var attachment in attachments)
                {
                    attachment.CaseId = @case.Id;
                    attachment.JourneyId = null;
                }
                await pendingCodes.ReplaceJourneyAsync(journeyId, protectedCode, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                // The database numbers the case inside COMMIT (CaseNumberAllocator.Placeholder), so the counter row is
                // locked only for the commit itself, not across a round trip to this process (bench/submit).
                await transaction.CommitAsync(cancellationToken);
                @case.Attachments = attachments;
                return @case;
            });
            var number = db.Entry(created).Property(c => c.Number);
            number.CurrentValue = number.OriginalValue = await numbers.NumberAtCommitAsync(created.Id, cancellationToken)
                ?? throw new InvalidOperationException("The committed case is not in the database.");
            return new SubmissionResult(created, Created: true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation, ConstraintName: "ux_cases_submission_key" })
        {
            // A concurrent request with the same key won the race; its case is the answer to this one too.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(journeyId, cancellationToken)
                ?? throw new InvalidOperationException("The submission key was taken but no case has it.", e);
            return new SubmissionResult(winner, Created: false);
        }
    }

    private Task<Case?> FindAsync(Guid submissionKey, CancellationToken cancellationToken = default) =>
        db.Cases.AsNoTracking()
            .Include(c => c.Attachments)
            .SingleOrDefaultAsync(c => c.SubmissionKey == submissionKey, cancellationToken);

    private Case Build(Guid journeyId, CaseDraft draft, string accessCode)
    {
        var now = time.GetUtcNow();
        var id = Guid.NewGuid();
        var @case = new Case
        {
            Id = id,
            Number = CaseNumberAllocator.Placeholder(id),
            Type = draft.Type,
            Source = draft.Source,
            Status = CaseStatus.Received,
            IsUrgent = draft.IsUrgent,
            ReceivedAt = now,
            Language = draft.Language,
            FamilyAddress = draft.FamilyAddress,
            ContactEmail = draft.ContactEmail,
            ContactPhone = draft.ContactPhone,
            ReferringInstitution = draft.ReferringInstitution,
            BlueCard = draft.BlueCard,
            NeedsSignature = draft.NeedsSignature,
            AnswersJson = draft.AnswersJson,
            AnswerSummaryJson = draft.AnswerSummary?.ToJson(),
            AccessCodeHash = AccessCode.Hash(accessCode),
            IssuedAccessCode = accessCode,
            SubmissionKey = journeyId,
        };
        var position = 0;
        foreach (var person in draft.People)
        {
            person.Id = Guid.NewGuid();
            person.CaseId = @case.Id;
            person.Position = position++;
            @case.People.Add(person);
        }
        @case.Events.Add(new CaseEvent
        {
            CaseId = @case.Id,
            OccurredAt = now,
            Kind = CaseEventKind.Received,
            Text = "Wpłynęło przez portal.",
            IsInternal = false,
        });
        // Its deadlines from the moment it exists: the receipt tells the family the date the queue shows staff.
        CaseDeadlines.Recompute(@case, deadlines.Value);
        return @case;
    }
}
