using Parasol.Core.Validation;

namespace Parasol.Core.Tests.Validation;

public sealed class EmailTypoTests
{
    [Theory]
    [InlineData("jan@gmial.com", "jan@gmail.com")] // two letters swapped
    [InlineData("ewa@wp.pll", "ewa@wp.pl")] // one letter too many
    [InlineData("ewa@wppl", "ewa@wp.pl")] // the dot left out
    [InlineData("anna@gmail.co", "anna@gmail.com")] // one letter too few
    [InlineData("anna@gmaul.com", "anna@gmail.com")] // one letter wrong
    [InlineData("a.nowak@onet.pk", "a.nowak@onet.pl")]
    [InlineData("a.nowak@poczta.omet.pl", "a.nowak@poczta.onet.pl")]
    [InlineData("kasia@interai.pl", "kasia@interia.pl")]
    [InlineData("kasia@o2.pll", "kasia@o2.pl")]
    [InlineData("kasia@tlen.ppl", "kasia@tlen.pl")]
    [InlineData("kasia@gazeta.p", "kasia@gazeta.pl")]
    [InlineData("john@hotmial.com", "john@hotmail.com")]
    [InlineData("john@outlok.com", "john@outlook.com")]
    [InlineData("john@yaho.com", "john@yahoo.com")]
    [InlineData("john@icloud.cm", "john@icloud.com")]
    [InlineData("olena@ukr.nte", "olena@ukr.net")]
    [InlineData("olena@proton.mee", "olena@proton.me")]
    [InlineData("Jan.Kowalski+OPS@GMIAL.COM", "Jan.Kowalski+OPS@gmail.com")] // what comes before the @ is kept as typed
    [InlineData(" jan@gmial.com ", "jan@gmail.com")]
    public void A_domain_one_slip_from_a_common_one_gets_the_common_one_suggested(string typed, string suggested) =>
        Assert.Equal(suggested, EmailTypo.SuggestFor(typed));

    [Theory]
    [InlineData("jan@gmail.com")]
    [InlineData("jan@Gmail.COM")]
    [InlineData("ewa@wp.pl")]
    [InlineData("ewa@op.pl")] // one edit from wp.pl, and a real domain of its own
    [InlineData("ewa@o2.pl")]
    [InlineData("ewa@vp.pl")]
    [InlineData("jan@mail.com")] // one letter short of gmail.com, and a provider of its own
    [InlineData("pedagog@sp1.lipowiec.pl")] // nowhere near a common domain
    [InlineData("sad@lipowiec.sr.gov.pl")]
    [InlineData("jan@gmail.pl")] // two edits away: not guessed at
    [InlineData("jan@example.com")]
    [InlineData("not an address")]
    [InlineData("@gmial.com")]
    [InlineData("jan@")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_gets_no_suggestion(string? typed) =>
        Assert.Null(EmailTypo.SuggestFor(typed));

    [Fact]
    public void A_slip_one_edit_from_two_common_domains_is_read_as_the_more_common_one() =>
        Assert.Equal("ewa@wp.pl", EmailTypo.SuggestFor("ewa@ep.pl")); // also one edit from op.pl and vp.pl
}
