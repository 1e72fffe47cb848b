namespace Parasol.Core.Cases;

public enum PersonRole
{
    Applicant = 1,
    Child = 2,
    HouseholdMember = 3,
}
