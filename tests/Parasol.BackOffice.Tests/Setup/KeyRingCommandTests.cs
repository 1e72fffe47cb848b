using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parasol.BackOffice.Setup;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Setup;

/// <summary>
/// An installation that ran without a certificate has keys stored in the clear; once the certificate is set on every
/// instance, <c>key-ring protect</c> encrypts them in place, so a database copy no longer reads them and nobody is
/// signed out.
/// </summary>
public sealed partial class KeyRingCommandTests : IAsyncLifetime
{
    private const string Purpose = "Parasol.Tests.KeyRingCommand";

    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-key-ring-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Keys_stored_in_the_clear_are_encrypted_and_what_they_protected_is_read_only_with_the_certificate()
    {
        var (path, password) = KeyRingTesting.MakeCertificate(_directory, "data-protection.pfx");
        string cookie, payload;
        await using (var before = KeyRingTesting.App(_database, null, null))
        {
            cookie = await KeyRingTesting.SignInCookieAsync(before);
            payload = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("85010112345");
        }
        var clearKeys = await StoredKeysAsync();
        Assert.All(clearKeys, xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));
        var secrets = clearKeys.Select(xml => MasterKeyValue().Match(xml).Groups[1].Value).ToList();

        var log = new KeyRingTesting.Log(LogLevel.Trace);
        var output = new StringWriter();
        await using (var operatorsInstance = KeyRingTesting.App(_database, path, password))
        {
            operatorsInstance.Settings["Logging:LogLevel:Default"] = "Trace";
            operatorsInstance.ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(log);
            Assert.Equal(0, await KeyRingCommand.RunAsync(operatorsInstance.Services, ["key-ring", "protect"], output));
        }

        Assert.Contains($"Encrypted {clearKeys.Count} key(s)", output.ToString(), StringComparison.Ordinal);
        var storedNow = await StoredKeysAsync();
        Assert.Equal(clearKeys.Count, storedNow.Count);
        Assert.All(storedNow, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        });
        Assert.NotEmpty(log.Entries);
        var written = output + string.Join('\n', log.Entries);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, written, StringComparison.Ordinal));
        Assert.DoesNotContain("<masterKey", written, StringComparison.Ordinal);

        await using (var withCertificate = KeyRingTesting.App(_database, path, password))
        {
            Assert.Equal(HttpStatusCode.OK, (await KeyRingTesting.HomeAsync(withCertificate, cookie)).StatusCode);
            Assert.Equal("85010112345", withCertificate.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
        }
        await using (var withoutCertificate = KeyRingTesting.App(_database, null, null))
        {
            var refused = await KeyRingTesting.HomeAsync(withoutCertificate, cookie);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/SignIn", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.ThrowsAny<CryptographicException>(() =>
                withoutCertificate.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
        }
    }

    [Fact]
    public async Task Running_it_again_changes_nothing_and_says_so()
    {
        var (path, password) = KeyRingTesting.MakeCertificate(_directory, "data-protection.pfx");
        await using (var before = KeyRingTesting.App(_database, null, null))
        {
            await KeyRingTesting.SignInCookieAsync(before);
        }
        await using var app = KeyRingTesting.App(_database, path, password);
        var first = new StringWriter();
        Assert.Equal(0, await KeyRingCommand.RunAsync(app.Services, ["key-ring", "protect"], first));
        var afterFirst = await StoredKeysAsync();

        var second = new StringWriter();
        Assert.Equal(0, await KeyRingCommand.RunAsync(app.Services, ["key-ring", "protect"], second));

        Assert.Equal(afterFirst, await StoredKeysAsync());
        Assert.StartsWith($"No key is stored in the clear; nothing changed ({afterFirst.Count} encrypted already)", second.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_it_refuses_and_leaves_the_keys_as_they_are()
    {
        await using var app = KeyRingTesting.App(_database, null, null);
        await KeyRingTesting.SignInCookieAsync(app);
        var before = await StoredKeysAsync();
        var output = new StringWriter();

        Assert.Equal(1, await KeyRingCommand.RunAsync(app.Services, ["key-ring", "protect"], output));

        Assert.StartsWith("No certificate is configured (DataProtection:CertificatePath", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredKeysAsync());
        Assert.Equal(2, await KeyRingCommand.RunAsync(app.Services, ["key-ring"], output));
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync();
    }

    [GeneratedRegex("<masterKey[^>]*>.*?<value>([^<]+)</value>", RegexOptions.Singleline)]
    private static partial Regex MasterKeyValue();
}
