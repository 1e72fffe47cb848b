using Hangfire;
using Microsoft.Extensions.Logging;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

/// <summary>Sends one outbox e-mail, at most once: the row is locked, checked and marked sent in one transaction.</summary>
public sealed class SendEmailJob(ParasolDbContext db, MailRenderer renderer, IMailDelivery delivery, TimeProvider time, ILogger<SendEmailJob> logger)
{
    // Retries belong to the outbox row (its backoff, its error for the admin page), not to Hangfire.
    [AutomaticRetry(Attempts = 0)]
    [Queue(JobQueues.Notifications)]
    public async Task ExecuteAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = await OutboxRowLock.TakeAsync(db, outboxId, cancellationToken);
        if (message is null || message.DueAt > time.GetUtcNow())
        {
            return;
        }
        try
        {
            var mail = await renderer.RenderAsync(message, cancellationToken);
            if (mail is not null)
            {
                await delivery.SendAsync(mail, cancellationToken);
                if (message.CaseId is { } caseId)
                {
                    db.CaseEvents.Add(new CaseEvent
                    {
                        CaseId = caseId,
                        OccurredAt = time.GetUtcNow(),
                        Kind = CaseEventKind.EmailSent,
                        Text = $"E-mail „{message.Template}” wysłany ({(message.RecipientStaffId is null ? "do wnioskodawcy lub instytucji" : "do pracownika")}).",
                    });
                }
            }
            OutboxRetry.RecordSuccess(message, time.GetUtcNow());
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("E-mail {OutboxId} ({Template}) failed on attempt {Attempt}: {Error}", message.Id, message.Template, message.Attempts + 1, error.Message);
            OutboxRetry.RecordFailure(message, error, time.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
