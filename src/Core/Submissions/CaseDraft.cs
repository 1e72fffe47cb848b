using Parasol.Core.Cases;

namespace Parasol.Core.Submissions;

/// <summary>What a journey hands to the submit: the case as the applicant described it, not yet numbered.</summary>
public sealed record CaseDraft
{
    public CaseType Type { get; init; }
    public CaseSource Source { get; init; } = CaseSource.Family;
    public string Language { get; init; } = "pl";
    public Address? FamilyAddress { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public ReferringInstitution? ReferringInstitution { get; init; }
    public bool IsUrgent { get; init; }
    public bool BlueCard { get; init; }
    public bool NeedsSignature { get; init; }
    public string AnswersJson { get; init; } = "{}";
    public AnswerSummary? AnswerSummary { get; init; }
    public IReadOnlyList<CasePerson> People { get; init; } = [];
}
