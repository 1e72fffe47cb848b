using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>The back office with a clock the test moves.</summary>
public sealed class ClockedBackOffice : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public ParasolAppFactory<SharedResource> App { get; private set; } = null!;

    public async Task InitializeAsync() => App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync())
    {
        ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Clock),
    };

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}

public sealed class IdleSignOutTests(ClockedBackOffice backOffice) : IClassFixture<ClockedBackOffice>
{
    [Fact]
    public async Task Thirty_minutes_without_a_request_sign_a_person_out_but_activity_keeps_them_in()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        for (var i = 0; i < 3; i++)
        {
            backOffice.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal("Sprawy", (await StaffSession.GetPageAsync(client, "/")).Text("h1"));
        }
        backOffice.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("/Account/SignIn", StaffSession.Target(idle), StringComparison.Ordinal);
    }
}
