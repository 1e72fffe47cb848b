using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Parasol.Core.Seeding;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.BackOffice;

/// <summary>
/// The BackOffice on a real port as it runs in production: two-step sign-in required. The staff the tests use
/// already have an authenticator; the tests compute its codes.
/// </summary>
public sealed class BackOfficeInBrowser : IAsyncLifetime
{
    private readonly Dictionary<string, string> _keys = [];

    public ParasolAppFactory<Parasol.BackOffice.SharedResource> App { get; private set; } = null!;
    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ParasolAppFactory<Parasol.BackOffice.SharedResource>(await TestDatabase.CreateAsync());
        App.Settings["Staff:RequireTwoFactor"] = "true";
        Url = App.StartOnRealPort();
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
        foreach (var (email, _, _, _) in DemoStaff.Accounts)
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            _keys[email] = (await users.GetAuthenticatorKeyAsync(user))!;
        }
    }

    public string CodeFor(string email) => new Totp(Base32Encoding.ToBytes(_keys[email])).ComputeTotp();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
