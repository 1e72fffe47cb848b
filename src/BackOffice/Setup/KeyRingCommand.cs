using Parasol.Core.Web;

namespace Parasol.BackOffice.Setup;

/// <summary>
/// <c>Parasol.BackOffice key-ring protect</c>: encrypts with the configured certificate (<c>DataProtection:CertificatePath</c>)
/// the data-protection keys stored in the clear before it was set, in place. The keys stay the same, so signed-in staff,
/// trusted browsers and half-filled forms carry on; a copy of the database taken afterwards no longer reads them. Safe
/// to run again: encrypted keys are left as they are. It prints counts, never a key.
/// </summary>
public static class KeyRingCommand
{
    public const string Command = "key-ring";

    private const string Usage = "usage: Parasol.BackOffice key-ring protect   (encrypts the keys stored in the clear with DataProtection:CertificatePath)";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (args is not [Command, "protect"])
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var protection = ActivatorUtilities.CreateInstance<StoredKeyProtection>(scope.ServiceProvider);
        if (!protection.CanProtect)
        {
            await output.WriteLineAsync(
                "No certificate is configured (DataProtection:CertificatePath and DataProtection:CertificatePassword): nothing to encrypt the keys with, nothing changed. " +
                "Make one with `Parasol.BackOffice key-certificate --out FILE`, give it to every Portal and BackOffice instance, restart them, then run this again with the same settings.");
            return 1;
        }

        var result = await protection.ProtectAsync(cancellationToken);
        if (result.Protected == 0)
        {
            await output.WriteLineAsync($"No key is stored in the clear; nothing changed ({result.AlreadyProtected} encrypted already).");
            return 0;
        }
        await output.WriteLineAsync($"Encrypted {result.Protected} key(s) stored in the clear with the certificate ({result.AlreadyProtected} encrypted already). No key is stored in the clear now.");
        await output.WriteLineAsync("Database backups taken before now still hold those keys in the clear: if one may have leaked, revoke the keys instead (README, Rotating keys and secrets).");
        return 0;
    }
}
