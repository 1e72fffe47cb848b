using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Mail;

/// <summary>
/// The e-mail outbox for administrators: what failed (with the error), what waits, what was sent, and a way to try a
/// failed message again. Addresses are shown masked: the page is for delivery problems, not for reading cases.
/// </summary>
[Authorize(Roles = StaffRole.Administrator)]
public sealed class IndexModel(ParasolDbContext db, IBackgroundJobClient jobs, TimeProvider time) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public MailView Show { get; set; } = MailView.Failed;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int FailedCount { get; private set; }
    public int WaitingCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var emails = db.OutboxMessages.Where(m => m.Kind == OutboxKind.Email);
        FailedCount = await emails.CountAsync(m => m.ProcessedAt == null && m.Attempts > 0, cancellationToken);
        WaitingCount = await emails.CountAsync(m => m.ProcessedAt == null && m.Attempts == 0, cancellationToken);
        var query = Show switch
        {
            MailView.Failed => emails.Where(m => m.ProcessedAt == null && m.Attempts > 0).OrderByDescending(m => m.LastAttemptAt),
            MailView.Waiting => emails.Where(m => m.ProcessedAt == null && m.Attempts == 0).OrderBy(m => m.DueAt),
            _ => emails.Where(m => m.ProcessedAt != null).OrderByDescending(m => m.ProcessedAt),
        };
        Rows = await (
            from m in query.Take(PageSize)
            join c in db.Cases on m.CaseId equals c.Id into cases
            from c in cases.DefaultIfEmpty()
            join u in db.Users on m.RecipientStaffId equals u.Id into users
            from u in users.DefaultIfEmpty()
            select new Row(m.Id, m.Template!.Value, c == null ? null : c.Number, m.RecipientEmail ?? (u == null ? null : u.Email),
                m.CreatedAt, m.DueAt, m.ProcessedAt, m.Attempts, m.LastError, m.Abandoned))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.Kind == OutboxKind.Email, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }
        if (message.ProcessedAt is null)
        {
            message.Abandoned = false;
            message.DueAt = time.GetUtcNow();
            message.EnqueuedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            jobs.Enqueue<SendEmailJob>(JobQueues.Notifications, j => j.ExecuteAsync(id, CancellationToken.None));
        }
        return RedirectToPage(new { Show });
    }

    public static string TemplateName(MailTemplate template) => template switch
    {
        MailTemplate.Receipt => "Receipt",
        MailTemplate.CompletionRequest => "Request to complete documents",
        MailTemplate.CompletionReminder => "Reminder of the completion deadline",
        MailTemplate.CompletionReceived => "Documents received: confirmation",
        MailTemplate.NewAccessCode => "New access code",
        MailTemplate.OutcomeAssistantAssigned => "Outcome: assistant assigned",
        MailTemplate.OutcomeRefused => "Outcome: refused",
        MailTemplate.OutcomeReferredElsewhere => "Outcome: referred elsewhere",
        MailTemplate.AssignedToYou => "A case assigned to you",
        MailTemplate.UrgentCase => "Urgent case",
        MailTemplate.StaffDailySummary => "Daily deadlines summary",
        MailTemplate.DirectorDigest => "Director's daily digest",
        _ => template.ToString(),
    };

    /// <summary>"anna.nowak@example.pl" → "a***@example.pl".</summary>
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.IndexOf('@', StringComparison.Ordinal) is var at && at < 1)
        {
            return "—";
        }
        return $"{address[0]}***{address[at..]}";
    }

    public sealed record Row(long Id, MailTemplate Template, string? CaseNumber, string? Recipient, DateTimeOffset CreatedAt,
        DateTimeOffset DueAt, DateTimeOffset? SentAt, int Attempts, string? LastError, bool Abandoned);
}

public enum MailView
{
    Failed,
    Waiting,
    Sent,
}
