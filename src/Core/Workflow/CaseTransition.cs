using Parasol.Core.Cases;

namespace Parasol.Core.Workflow;

/// <summary>One allowed step of the workflow and the roles that may take it.</summary>
public sealed record CaseTransition(CaseStatus From, CaseStatus To, IReadOnlyList<string> Roles)
{
    /// <summary>The step needs a reason (refusal, rejection, referral, leaving unexamined).</summary>
    public bool NeedsReason => To is CaseStatus.Refused or CaseStatus.ReferredElsewhere or CaseStatus.Rejected or CaseStatus.LeftUnexamined;
}
