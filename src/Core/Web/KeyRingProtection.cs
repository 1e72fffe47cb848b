using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Parasol.Core.Web;

/// <summary>
/// Section <c>DataProtection</c>: the certificate that encrypts the data-protection key ring where it is stored (the
/// database), so that a database backup alone cannot forge staff cookies or antiforgery tokens.
/// </summary>
public sealed class KeyRingCertificateOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA key pair; new keys are encrypted to it, and it decrypts them.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that encrypted keys still in the ring, kept after a rotation to decrypt those (never to encrypt).</summary>
    public List<KeyRingCertificate> PreviousCertificates { get; set; } = [];
}

public sealed class KeyRingCertificate
{
    public string? Path { get; set; }
    public string? Password { get; set; }
}

public static class KeyRingProtection
{
    /// <summary>
    /// With a certificate configured, every new key is encrypted with it before it is stored; keys stored earlier in
    /// the clear stay so until <c>key-ring protect</c> (<see cref="StoredKeyProtection"/>) encrypts them. Without one, Production warns at start-up. A
    /// certificate that is configured but cannot be read stops the app: keys must never be stored in the clear by mistake.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingCertificateOptions.SectionName).Get<KeyRingCertificateOptions>() ?? new KeyRingCertificateOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
            return builder;
        }
        builder.ProtectKeysWithCertificate(Load(options.CertificatePath, options.CertificatePassword));
        var previous = options.PreviousCertificates
            .Where(c => !string.IsNullOrWhiteSpace(c.Path))
            .Select(c => Load(c.Path!, c.Password))
            .ToArray();
        if (previous.Length > 0)
        {
            builder.UnprotectKeysWithAnyCertificate(previous);
        }
        return builder;
    }

    /// <summary>Reads a .pfx; the message of a failure names the file, never the password.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The data-protection certificate {path} could not be read ({exception.GetType().Name}): check that the file exists, that this process may read it, and DataProtection:CertificatePassword.",
                exception);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The data-protection certificate {path} holds no RSA private key; make one with `Parasol.BackOffice key-certificate`.");
        }
        return certificate;
    }
}

/// <summary>Says at start-up, in Production, that the key ring is stored in the clear.</summary>
internal sealed partial class UnencryptedKeyRingWarning(IHostEnvironment environment, ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            Warn(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data-protection keys are stored in the database unencrypted: anyone with a copy of the database (a backup) can forge staff sign-in cookies and antiforgery tokens. " +
        "Set DataProtection:CertificatePath and DataProtection:CertificatePassword on every instance (README, Rotating keys and secrets).")]
    private static partial void Warn(ILogger logger);
}
