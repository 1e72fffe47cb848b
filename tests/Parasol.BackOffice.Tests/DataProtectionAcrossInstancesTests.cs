using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>Behind a load balancer, a form served by one instance is posted to another: the keys must be shared.</summary>
public sealed class DataProtectionAcrossInstancesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_sign_in_form_from_one_instance_is_accepted_by_another_and_the_session_works_on_both()
    {
        await using var first = new ParasolAppFactory<SharedResource>(_database);
        await using var second = new ParasolAppFactory<SharedResource>(_database);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var toFirst = first.CreateClient(options);
        using var toSecond = second.CreateClient(options);

        var form = await toFirst.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var antiforgeryCookie = CookiesOf(form);
        var token = Html.AntiforgeryToken(await Html.ParseAsync(form));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "kancelaria@ops.example",
                ["Password"] = DemoStaff.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await toSecond.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", CookiesOf(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await toFirst.SendAsync(home)).StatusCode);

        // The key ring lives in the shared database, not in a directory of one machine.
        await using var db = _database.CreateDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
