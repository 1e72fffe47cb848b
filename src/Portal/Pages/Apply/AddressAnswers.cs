using Parasol.Core.Cases;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// A Polish address as a step asks for it: street, house number, an optional flat number, postal code and town. The
/// fields are drawn by _AddressFields.cshtml and checked by <see cref="StepPageModel{TJourney, TState, TAnswers}.ValidateAddress"/>.
/// </summary>
public interface IAddressAnswers
{
    string? Street { get; set; }
    string? HouseNumber { get; set; }
    string? FlatNumber { get; set; }
    string? PostalCode { get; set; }
    string? City { get; set; }
}

public static class AddressAnswers
{
    /// <summary>The address as the check page reads it back, "Street 36/4, 44-230 City".</summary>
    public static Answer Summary(IAddressAnswers a) => Answer.Address(a.Street, a.HouseNumber, a.FlatNumber, a.PostalCode, a.City);

    /// <summary>The stored address; call only once the step has checked that every required part is there.</summary>
    public static Address ToAddress(IAddressAnswers a) => new()
    {
        Street = a.Street!.Trim(),
        HouseNumber = a.HouseNumber!.Trim(),
        FlatNumber = string.IsNullOrWhiteSpace(a.FlatNumber) ? null : a.FlatNumber.Trim(),
        PostalCode = a.PostalCode!,
        City = a.City!.Trim(),
    };
}
