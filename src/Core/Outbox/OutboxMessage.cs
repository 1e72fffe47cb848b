using Parasol.Core.Mail;

namespace Parasol.Core.Outbox;

/// <summary>
/// Work to do after a change is committed, written in the change's own transaction: a routing decision or one e-mail to
/// one recipient. A job does it and records <see cref="ProcessedAt"/>; a row done once is never done again.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    public MailTemplate? Template { get; set; }
    public Guid? CaseId { get; set; }

    /// <summary>An e-mail address outside the office (applicant, referring institution).</summary>
    public string? RecipientEmail { get; set; }

    /// <summary>A member of staff; their address is read when the e-mail is sent.</summary>
    public Guid? RecipientStaffId { get; set; }

    public string Language { get; set; } = "pl";

    /// <summary>
    /// What the template needs that is not in the database: the access code of a receipt, the lines of a daily
    /// summary. Cleared once sent, so an access code never stays stored.
    /// </summary>
    public string? Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be done before this instant (e.g. a reminder two days before a deadline); after a failure, the next try.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the work was done (for an e-mail, when the SMTP server accepted it).</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Given up after too many failures; an administrator may retry it from the mail page.</summary>
    public bool Abandoned { get; set; }

    /// <summary>When the row was last handed to Hangfire; the sweep hands over again rows left behind.</summary>
    public DateTimeOffset? EnqueuedAt { get; set; }
}

public enum OutboxKind
{
    RouteCase = 1,
    Email = 2,
}
