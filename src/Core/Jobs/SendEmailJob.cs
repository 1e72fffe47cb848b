using Hangfire;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

/// <summary>Sends one outbox e-mail, at most once: the row is locked, checked and marked sent in one transaction.</summary>
/// <remarks>
/// The "sent" record (the row and the timeline entry) is written before the message goes out and committed right after
/// the SMTP server has taken it, so a process killed in between (bench/faults) leaves the smallest window in which a
/// message was taken but not recorded, and is sent again. When sending fails, that transaction is rolled back and the
/// failure recorded in a new one.
/// </remarks>
public sealed class SendEmailJob(ParasolDbContext db, MailRenderer renderer, IMailDelivery delivery, TimeProvider time, ILogger<SendEmailJob> logger)
{
    // Retries belong to the outbox row (its backoff, its error for the admin page), not to Hangfire.
    [AutomaticRetry(Attempts = 0)]
    [Queue(JobQueues.Notifications)]
    public async Task ExecuteAsync(long outboxId, CancellationToken cancellationToken)
    {
        Exception? failure;
        await using (var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken))
        {
            var message = await OutboxRowLock.TakeAsync(db, outboxId, cancellationToken);
            if (message is null || message.DueAt > time.GetUtcNow())
            {
                return;
            }
            var attempt = message.Attempts + 1;
            try
            {
                var mail = await renderer.RenderAsync(message, cancellationToken);
                if (mail is not null && message.CaseId is { } caseId)
                {
                    db.CaseEvents.Add(new CaseEvent
                    {
                        CaseId = caseId,
                        OccurredAt = time.GetUtcNow(),
                        Kind = CaseEventKind.EmailSent,
                        Text = $"Wysłano e-mail: {PolishName(message.Template)} ({(message.RecipientStaffId is null ? "do wnioskodawcy lub instytucji" : "do pracownika")}).",
                    });
                }
                OutboxRetry.RecordSuccess(message, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                if (mail is not null)
                {
                    await delivery.SendAsync(mail, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            // The database away is not the message's failure: nothing is recorded, the sweep hands the row over again.
            catch (Exception error) when (error is not OperationCanceledException && !DatabaseFailures.IsUnavailable(error))
            {
                logger.LogWarning("E-mail {OutboxId} ({Template}) failed on attempt {Attempt}: {Error}", message.Id, message.Template, attempt, Describe(error));
                await transaction.RollbackAsync(CancellationToken.None);
                failure = error;
            }
        }

        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken))
        {
            // Taken again: unless another worker has it now (then it is that worker's to send or record).
            if (await OutboxRowLock.TakeAsync(db, outboxId, cancellationToken) is { } message)
            {
                OutboxRetry.RecordFailure(message, failure, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    /// <summary>How the timeline names an e-mail; staff read it in Polish.</summary>
    internal static string PolishName(MailTemplate? template) => template switch
    {
        MailTemplate.Receipt => "potwierdzenie wpływu",
        MailTemplate.CompletionRequest => "wezwanie do uzupełnienia braków",
        MailTemplate.CompletionReminder => "przypomnienie o terminie uzupełnienia",
        MailTemplate.CompletionReceived => "potwierdzenie otrzymania uzupełnienia",
        MailTemplate.OutcomeAssistantAssigned => "rozstrzygnięcie: przydzielono asystenta",
        MailTemplate.OutcomeRefused => "rozstrzygnięcie: odmowa",
        MailTemplate.OutcomeReferredElsewhere => "rozstrzygnięcie: przekazano do innej instytucji",
        MailTemplate.AssignedToYou => "nowa sprawa przydzielona pracownikowi",
        MailTemplate.UrgentCase => "powiadomienie o pilnej sprawie",
        _ => "powiadomienie",
    };

    /// <summary>
    /// A failed send as the log tells it: a mail server's refusal by its code only, since its words echo the recipient's
    /// address ("5.1.1 &lt;anna@…&gt;: Recipient address rejected"); the outbox row keeps them for the admin page.
    /// </summary>
    internal static string Describe(Exception error) => error is SmtpCommandException refused
        ? $"{nameof(SmtpCommandException)} {refused.ErrorCode} ({(int)refused.StatusCode})"
        : $"{error.GetType().Name}: {error.Message}";
}
