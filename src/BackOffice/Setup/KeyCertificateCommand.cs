using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parasol.BackOffice.Setup;

/// <summary>
/// <c>Parasol.BackOffice key-certificate --out &lt;file.pfx&gt; [--years N]</c>: a self-signed RSA certificate to encrypt
/// the data-protection keys with (<c>DataProtection:CertificatePath</c>), written as a .pfx readable by its owner
/// only, under a random password printed once. Needs no database. It is never used for TLS: only its key pair matters,
/// and keys encrypted with it stay readable after it expires.
/// </summary>
public static class KeyCertificateCommand
{
    public const string Command = "key-certificate";

    private const string Usage = "usage: Parasol.BackOffice key-certificate --out <file.pfx> [--years <how long it is valid, default 10>]";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        string? path = null;
        var years = 10;
        for (var i = 1; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    path = value;
                    break;
                case "--years" when int.TryParse(value, out var n) && n is > 0 and <= 50:
                    years = n;
                    break;
                default:
                    output.WriteLine(Usage);
                    return 2;
            }
        }
        if (path is null)
        {
            output.WriteLine(Usage);
            return 2;
        }
        if (File.Exists(path))
        {
            output.WriteLine($"{path} exists; it is left as it is (keys encrypted with it need it). Choose another file.");
            return 1;
        }

        var password = FirstSetup.NewPassword();
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Parasol data-protection keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(years));
        var pfx = certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(path, fileOptions))
        {
            file.Write(pfx);
        }
        output.WriteLine($"Certificate written to {path} (thumbprint {certificate.Thumbprint}, valid until {certificate.NotAfter:yyyy-MM-dd}).");
        output.WriteLine($"Its password (shown once): {password}");
        output.WriteLine("Give every Portal and BackOffice instance DataProtection__CertificatePath (where it can read this file) and DataProtection__CertificatePassword.");
        output.WriteLine("Keep a copy with the password outside the database backups: without it, cookies and tokens made with its keys can no longer be read.");
        return 0;
    }
}
