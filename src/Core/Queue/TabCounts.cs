namespace Parasol.Core.Queue;

/// <summary>How many cases each tab holds (for "all", the open ones), summed from the queue's tallies in one query.</summary>
public sealed record TabCounts(int New, int Mine, int MyDistricts, int WaitingForApplicant, int Overdue, int All);
