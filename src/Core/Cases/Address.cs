namespace Parasol.Core.Cases;

/// <summary>A postal address in Poland; stored as columns of its owner.</summary>
public sealed class Address
{
    public string Street { get; set; } = "";
    public string HouseNumber { get; set; } = "";
    public string? FlatNumber { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
}
