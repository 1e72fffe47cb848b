using Parasol.Core.Access;
using Parasol.Core.Cases;

namespace Parasol.Core.Queue;

/// <summary>
/// How many cases share one status, district, social worker, family assistant and earliest deadline: the queue's tab
/// counts are sums of these rows, so they cost the same with a thousand cases or a million. Kept exact by the database
/// itself: triggers on <c>cases</c> (migration PerfQueue) add a row of deltas (+1 into the case's new combination, -1
/// out of its old one) in the same transaction as any change to those columns, whichever code makes it. Rows are only
/// inserted, so concurrent submissions never wait for each other here; <see cref="QueueTallyCompactionJob"/> folds them
/// back into one row per combination. Never written by the application.
/// </summary>
public sealed class QueueTally : ICaseAssignment
{
    public long Id { get; set; }
    public CaseStatus Status { get; set; }
    public Guid? DistrictId { get; set; }
    public Guid? SocialWorkerId { get; set; }
    public Guid? FamilyAssistantId { get; set; }

    /// <summary>
    /// The earliest deadline that applies to the case in its status: the KPA deadline, the interview deadline (before the
    /// interview) or the completion deadline (while waiting for the applicant); none for a closed case. The case is
    /// overdue once this day has passed.
    /// </summary>
    public DateOnly? EarliestDueOn { get; set; }

    public int Cases { get; set; }
}
