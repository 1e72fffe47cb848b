namespace Parasol.Core.Cases;

public enum InstitutionType
{
    School = 1,
    FamilyCourt = 2,
    HealthService = 3,
    Police = 4,
    Other = 5,
}
