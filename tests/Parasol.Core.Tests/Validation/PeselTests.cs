using Parasol.Core.Validation;

namespace Parasol.Core.Tests.Validation;

public sealed class PeselTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("44051401359", 1944, 5, 14)]
    [InlineData("02070803628", 1902, 7, 8)]
    [InlineData("02270803624", 2002, 7, 8)]
    [InlineData("24222906780", 2024, 2, 29)]
    public void A_valid_number_gives_its_date_of_birth(string pesel, int year, int month, int day)
    {
        Assert.True(Pesel.TryGetDateOfBirth(pesel, out var born));
        Assert.Equal(new DateOnly(year, month, day), born);
        Assert.True(Pesel.IsValid(pesel, Today));
    }

    [Theory]
    [InlineData("44051401358")] // wrong check digit
    [InlineData("4405140135")] // ten digits
    [InlineData("4405140135a")]
    [InlineData("23222906783")] // 29 February 2023 does not exist
    [InlineData("")]
    [InlineData(null)]
    public void An_invalid_number_is_refused(string? pesel) => Assert.False(Pesel.IsValid(pesel, Today));

    [Fact]
    public void A_number_born_after_today_is_refused()
    {
        var future = Seeding.DemoFamiliesPesel.For(new DateOnly(2027, 1, 5));
        Assert.True(Pesel.TryGetDateOfBirth(future, out _));
        Assert.False(Pesel.IsValid(future, Today));
    }
}
