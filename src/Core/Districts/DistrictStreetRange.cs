namespace Parasol.Core.Districts;

/// <summary>
/// One rule placing addresses in a district: a postal code, optionally narrowed to a street and a range of house numbers.
/// </summary>
public sealed class DistrictStreetRange
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public string PostalCode { get; set; } = "";

    /// <summary>Null when the whole postal code belongs to the district.</summary>
    public string? Street { get; set; }

    public int? FromNumber { get; set; }
    public int? ToNumber { get; set; }
    public HouseNumberParity Parity { get; set; }
}
