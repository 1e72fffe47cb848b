using Parasol.Core.Cases;

namespace Parasol.Core.Queue;

public sealed record QueueRow(
    Guid Id,
    string Number,
    CaseType Type,
    CaseSource Source,
    CaseStatus Status,
    bool IsUrgent,
    DateTimeOffset ReceivedAt,
    DateOnly? DecisionDueOn,
    DateOnly? InterviewDueOn,
    string? ApplicantLastName,
    string? DistrictName,
    string? SocialWorkerName);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? NextCursor);
