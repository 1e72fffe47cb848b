using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>
/// The data-protection keys are in the database; with a certificate configured they are stored encrypted, so a
/// database backup alone cannot forge a staff cookie: only instances that have the certificate read each other's.
/// </summary>
public sealed class KeyRingEncryptionTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-key-certificates-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("key-certificate")]
    [InlineData("openssl")]
    public async Task With_a_certificate_the_stored_keys_hold_no_plain_key_and_only_instances_with_it_read_the_staff_cookie(string madeBy)
    {
        var certificate = madeBy == "openssl" ? MakeWithOpenssl("openssl.pfx") : MakeWithCommand("command.pfx");
        if (certificate is not var (path, password))
        {
            return; // openssl is not installed: the command's certificate is tested all the same
        }
        await using var first = App(path, password);
        await using var second = App(path, password);
        await using var withoutCertificate = App(null, null);

        var cookie = await KeyRingTesting.SignInCookieAsync(first);

        await using (var db = _database.CreateDbContext())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            });
        }
        Assert.Equal(HttpStatusCode.OK, (await KeyRingTesting.HomeAsync(second, cookie)).StatusCode);
        var refused = await KeyRingTesting.HomeAsync(withoutCertificate, cookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/SignIn", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rotation_the_previous_certificate_still_reads_the_keys_it_encrypted()
    {
        var (oldPath, oldPassword) = MakeWithCommand("old.pfx")!.Value;
        var (newPath, newPassword) = MakeWithCommand("new.pfx")!.Value;
        await using var before = App(oldPath, oldPassword);
        var cookie = await KeyRingTesting.SignInCookieAsync(before);

        await using var rotatedWithoutOld = App(newPath, newPassword);
        await using var rotated = App(newPath, newPassword);
        rotated.Settings["DataProtection:PreviousCertificates:0:Path"] = oldPath;
        rotated.Settings["DataProtection:PreviousCertificates:0:Password"] = oldPassword;

        Assert.Equal(HttpStatusCode.OK, (await KeyRingTesting.HomeAsync(rotated, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await KeyRingTesting.HomeAsync(rotatedWithoutOld, cookie)).StatusCode);
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_app_with_a_message_that_keeps_the_password_out()
    {
        var (path, _) = MakeWithCommand("wrong-password.pfx")!.Value;
        using var app = App(path, "not-its-password-42");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains($"The data-protection certificate {path} could not be read", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-its-password-42", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_an_app_without_a_certificate_warns_at_start_up_and_one_with_it_does_not()
    {
        var (path, password) = MakeWithCommand("production.pfx")!.Value;
        var warnings = new Dictionary<bool, List<string>>();
        foreach (var withCertificate in new[] { false, true })
        {
            var log = new KeyRingTesting.Log(LogLevel.Warning);
            await using var app = withCertificate ? App(path, password) : App(null, null);
            app.Settings["environment"] = "Production";
            app.ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(log);
            using var client = app.CreateDefaultClient(new Uri("https://localhost"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
            warnings[withCertificate] = [.. log.Entries.Where(e => e.StartsWith("Data-protection keys are stored in the database unencrypted", StringComparison.Ordinal))];
        }

        var warning = Assert.Single(warnings[false]);
        Assert.Contains("DataProtection:CertificatePath", warning, StringComparison.Ordinal);
        Assert.Empty(warnings[true]);
    }

    private ParasolAppFactory<SharedResource> App(string? certificatePath, string? password) => KeyRingTesting.App(_database, certificatePath, password);

    private (string Path, string Password)? MakeWithCommand(string name) => KeyRingTesting.MakeCertificate(_directory, name);

    /// <summary>A certificate made with the openssl commands the README gives, when openssl is installed.</summary>
    private (string Path, string Password)? MakeWithOpenssl(string name)
    {
        if (!File.Exists("/usr/bin/openssl"))
        {
            return null;
        }
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var (key, crt, pfx) = (Path.Combine(_directory, "dp.key"), Path.Combine(_directory, "dp.crt"), Path.Combine(_directory, name));
        Openssl(password, "req", "-x509", "-newkey", "rsa:3072", "-sha256", "-days", "3650", "-nodes", "-subj", "/CN=Parasol data-protection keys", "-keyout", key, "-out", crt);
        Openssl(password, "pkcs12", "-export", "-inkey", key, "-in", crt, "-out", pfx, "-passout", "env:DATA_PROTECTION_CERTIFICATE_PASSWORD");
        return (pfx, password);
    }

    private static void Openssl(string password, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DATA_PROTECTION_CERTIFICATE_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
