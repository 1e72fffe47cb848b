using Parasol.Core.Validation;

namespace Parasol.Core.Tests.Validation;

public sealed class FormatValidationTests
{
    [Theory]
    [InlineData("44-230", "44-230")]
    [InlineData("44230", "44-230")]
    [InlineData(" 00-193 ", "00-193")]
    [InlineData("4-4230", null)]
    [InlineData("44-2300", null)]
    [InlineData("ab-cde", null)]
    public void Postal_codes_are_normalised_or_refused(string input, string? expected) =>
        Assert.Equal(expected, PostalCode.Normalize(input));

    [Theory]
    [InlineData("PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874")]
    [InlineData("61109010140000071219812874", "PL61109010140000071219812874")]
    [InlineData("61 1090 1014 0000 0712 1981 2875", null)] // checksum
    [InlineData("DE89370400440532013000", null)] // not Polish
    [InlineData("6110901014000007121981287", null)] // 25 digits
    public void Bank_accounts_are_checked_by_mod97(string input, string? expected) =>
        Assert.Equal(expected, PolishIban.Normalize(input));

    [Theory]
    [InlineData("III Nsm 348/13", true)]
    [InlineData("I Nkd 12/25", true)]
    [InlineData("IV  RC  1/24", true)]
    [InlineData("XII 2 Ns 1234/26", true)]
    [InlineData("Nsm 348/13", false)]
    [InlineData("IIII Nsm 348/13", false)]
    [InlineData("III Nsm 348/2013", false)]
    [InlineData("III Nsm /13", false)]
    public void Court_case_signatures_follow_the_division_register_number_year_pattern(string input, bool valid) =>
        Assert.Equal(valid, CourtCaseSignature.IsValid(input));

    [Theory]
    [InlineData("600 100 200", "+48600100200")]
    [InlineData("+48 600-100-200", "+48600100200")]
    [InlineData("0048600100200", "+48600100200")]
    [InlineData("+380 44 123 4567", "+380441234567")]
    [InlineData("12345", null)]
    [InlineData("+48 600 100 20", null)]
    public void Phone_numbers_are_normalised_or_refused(string input, string? expected) =>
        Assert.Equal(expected, PolishPhone.Normalize(input));

    [Theory]
    [InlineData("5260250274", true)]
    [InlineData("526-025-02-74", true)]
    [InlineData("5260250275", false)]
    public void Nip_checksum(string nip, bool valid) => Assert.Equal(valid, TaxNumbers.IsValidNip(nip));

    [Theory]
    [InlineData("123456785", true)]
    [InlineData("123456786", false)]
    [InlineData("12345678512347", true)]
    [InlineData("12345678512348", false)]
    public void Regon_checksum(string regon, bool valid) => Assert.Equal(valid, TaxNumbers.IsValidRegon(regon));
}
