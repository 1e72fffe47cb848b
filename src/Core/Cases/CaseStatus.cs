namespace Parasol.Core.Cases;

/// <summary>The stages of a case, from receipt to closing (see DOMAIN.md, "The path of a case").</summary>
public enum CaseStatus
{
    Received = 1,
    WithSocialWorker = 2,
    InterviewPlanned = 3,
    InterviewDone = 4,
    ProposalToDirector = 5,
    AssistantAssigned = 6,
    Refused = 7,
    ReferredElsewhere = 8,
    WorkWithFamily = 9,
    Monitoring = 10,
    Closed = 11,
    CompletionRequested = 12,
    LeftUnexamined = 13,
    Rejected = 14,
    Merged = 15,
}

public static class CaseStatusExtensions
{
    public static bool IsOpen(this CaseStatus status) => status is not (
        CaseStatus.Closed or CaseStatus.Refused or CaseStatus.ReferredElsewhere or
        CaseStatus.LeftUnexamined or CaseStatus.Rejected or CaseStatus.Merged);
}
