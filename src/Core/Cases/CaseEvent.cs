namespace Parasol.Core.Cases;

/// <summary>One entry on a case's timeline. Entries are only ever added.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public CaseEventKind Kind { get; set; }

    /// <summary>The staff member who caused the event; null for the applicant or the system.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>What happened, for staff to read (e.g. the routing decision with its reason).</summary>
    public string Text { get; set; } = "";

    /// <summary>The most a staff member's note or reason may hold (the column's length).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>For <see cref="CaseEventKind.StatusChanged"/>: the status the case moved to.</summary>
    public CaseStatus? NewStatus { get; set; }

    /// <summary>Internal notes are shown to staff only, never to the applicant.</summary>
    public bool IsInternal { get; set; } = true;
}
