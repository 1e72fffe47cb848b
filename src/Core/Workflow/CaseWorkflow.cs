using Parasol.Core.Cases;
using Parasol.Core.Staff;

namespace Parasol.Core.Workflow;

/// <summary>
/// The workflow of a case as an explicit state machine (DOMAIN.md, "The path of a case"; KPA art. 64 § 2 for
/// completion). A step not listed here is refused.
/// </summary>
public static class CaseWorkflow
{
    private const string Clerk = StaffRole.RegistryClerk;
    private const string Worker = StaffRole.SocialWorker;
    private const string Assistant = StaffRole.FamilyAssistant;
    private const string Director = StaffRole.Director;

    private static readonly CaseStatus[] BeforeInterviewDone =
        [CaseStatus.Received, CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned, CaseStatus.InterviewDone];

    public static readonly IReadOnlyList<CaseTransition> Transitions =
    [
        // Triage by the registry: assigning a social worker moves a received case on; or it is not for this office.
        new(CaseStatus.Received, CaseStatus.WithSocialWorker, [Clerk, Director]),
        new(CaseStatus.Received, CaseStatus.Rejected, [Clerk, Director]),
        new(CaseStatus.Received, CaseStatus.Merged, [Clerk, Director]),
        new(CaseStatus.WithSocialWorker, CaseStatus.Merged, [Clerk, Director]),
        // The social worker's community interview and the proposal to the director.
        new(CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned, [Worker]),
        new(CaseStatus.InterviewPlanned, CaseStatus.InterviewDone, [Worker]),
        new(CaseStatus.InterviewDone, CaseStatus.ProposalToDirector, [Worker]),
        new(CaseStatus.InterviewDone, CaseStatus.Closed, [Worker, Director]),
        // Only the director decides on a proposal.
        new(CaseStatus.ProposalToDirector, CaseStatus.AssistantAssigned, [Director]),
        new(CaseStatus.ProposalToDirector, CaseStatus.Refused, [Director]),
        new(CaseStatus.ProposalToDirector, CaseStatus.ReferredElsewhere, [Director]),
        // The assistant's work with the family, monitoring, closing.
        new(CaseStatus.AssistantAssigned, CaseStatus.WorkWithFamily, [Assistant, Worker]),
        new(CaseStatus.WorkWithFamily, CaseStatus.Monitoring, [Assistant, Worker]),
        new(CaseStatus.WorkWithFamily, CaseStatus.Closed, [Assistant, Worker, Director]),
        new(CaseStatus.Monitoring, CaseStatus.Closed, [Assistant, Worker, Director]),
        // KPA art. 64 § 2: ask for missing documents, then go on or leave the application unexamined.
        .. BeforeInterviewDone.Select(from => new CaseTransition(from, CaseStatus.CompletionRequested, [Clerk, Worker])),
        new(CaseStatus.CompletionRequested, CaseStatus.Received, [Clerk]),
        new(CaseStatus.CompletionRequested, CaseStatus.WithSocialWorker, [Clerk, Worker]),
        new(CaseStatus.CompletionRequested, CaseStatus.LeftUnexamined, [Worker, Director]),
    ];

    public static CaseTransition? Find(CaseStatus from, CaseStatus to) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to);

    /// <summary>The steps a person holding <paramref name="roles"/> may take from <paramref name="from"/>.</summary>
    public static IEnumerable<CaseTransition> AllowedFrom(CaseStatus from, IReadOnlySet<string> roles) =>
        Transitions.Where(t => t.From == from && t.Roles.Any(roles.Contains));

    public static bool IsAllowed(CaseStatus from, CaseStatus to, IReadOnlySet<string> roles) =>
        Find(from, to) is { } transition && transition.Roles.Any(roles.Contains);
}
