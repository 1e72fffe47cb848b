namespace Parasol.Core.Cases;

/// <summary>A person in a case: the applicant, a child or another member of the household.</summary>
public sealed class CasePerson
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public PersonRole Role { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Pesel { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>How the person relates to the applicant, or a school class for a child in a referral.</summary>
    public string? Relationship { get; set; }

    public int Position { get; set; }

    /// <summary>The surname folded for search (lower case, no Polish marks); computed by the database.</summary>
    public string SearchName { get; private set; } = "";
}
