namespace Parasol.Core.Cases;

public enum CaseSource
{
    Family = 1,
    School = 2,
    Court = 3,
    HealthService = 4,
    Police = 5,
    OtherInstitution = 6,
    Staff = 7,
}
