using Parasol.Core.Cases;

namespace Parasol.Core.Queue;

/// <summary>What a member of staff asked the queue for: a tab, filters, a search and the page cursor.</summary>
public sealed record QueueQuery
{
    public QueueTab Tab { get; init; } = QueueTab.All;
    public CaseType? Type { get; init; }
    public CaseSource? Source { get; init; }
    public bool? Urgent { get; init; }
    public Guid? DistrictId { get; init; }
    public Guid? AssigneeId { get; init; }
    public CaseStatus? Status { get; init; }
    public DateOnly? ReceivedFrom { get; init; }
    public DateOnly? ReceivedTo { get; init; }

    /// <summary>A case number, a surname (any case, with or without Polish letters) or a PESEL.</summary>
    public string? Search { get; init; }

    /// <summary>Opaque keyset cursor: the sort key of the last row of the previous page.</summary>
    public string? After { get; init; }

    public int PageSize { get; init; } = 25;
}
