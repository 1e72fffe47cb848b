using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

/// <summary>An institution's referral of a family, one section per step; stored as JSON.</summary>
public sealed class ReferralState
{
    public InstitutionAnswers Institution { get; set; } = new();
    public FamilyAnswers Family { get; set; } = new();
    public ConcernAnswers Concern { get; set; } = new();
}

public sealed class InstitutionAnswers
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? CourtCaseSignature { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactRole { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>As much as the institution knows: for a school, a child's name and class is enough.</summary>
public sealed class FamilyAnswers : IAddressAnswers
{
    public string? ChildFirstName { get; set; }
    public string? ChildLastName { get; set; }
    public string? SchoolClass { get; set; }
    public string? ParentNames { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? FlatNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
}

public sealed class ConcernAnswers
{
    public string? Observed { get; set; }
    public string? ActionsTaken { get; set; }
    public string? ParentsKnow { get; set; }
    public string? Urgency { get; set; }
    public string? BlueCard { get; set; }
}
