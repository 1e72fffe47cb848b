using System.Net.Mail;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply;

/// <summary>Phone, e-mail and the preferred way to be contacted: the same rules in every journey that asks for them.</summary>
public static class ContactDetails
{
    public static bool IsEmail(string? value) =>
        value is { Length: <= 254 } && MailAddress.TryCreate(value.Trim(), out var address)
        && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);

    public static void Validate(string? phone, string? email, string? preferred, string prefix, Action<string, string> error)
    {
        var hasPhone = !string.IsNullOrWhiteSpace(phone);
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        if (hasPhone && !PolishPhone.IsValid(phone))
        {
            error($"{prefix}.Phone", "Enter a phone number like 601 234 567 or +48 601 234 567");
        }
        if (hasEmail && !IsEmail(email))
        {
            error($"{prefix}.Email", "Enter an e-mail address like name@example.com");
        }
        switch (preferred)
        {
            case "Phone" when !hasPhone:
                error($"{prefix}.Phone", "Enter a phone number, as you chose to be contacted by phone");
                break;
            case "Email" when !hasEmail:
                error($"{prefix}.Email", "Enter an e-mail address, as you chose to be contacted by e-mail");
                break;
            case "Phone" or "Email" or "Letter":
                break;
            default:
                error($"{prefix}.PreferredContact", "Select how we should contact you");
                break;
        }
    }
}
