namespace Parasol.Core.Queue;

public enum QueueTab
{
    New = 1,
    Mine = 2,
    MyDistricts = 3,
    WaitingForApplicant = 4,
    Overdue = 5,
    All = 6,
}
