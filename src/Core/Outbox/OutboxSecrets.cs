using Microsoft.AspNetCore.DataProtection;

namespace Parasol.Core.Outbox;

/// <summary>
/// The part of an outbox row's payload that opens a case, an access code, is stored encrypted with the apps' shared
/// data-protection keys (table <c>data_protection_keys</c>, themselves encrypted with the key certificate where one is
/// configured): the row waits in the database until the e-mail is sent, for hours when the mail server is down, and a
/// database backup taken meanwhile must not hold a case number next to its code. Only an instance of Parasol reads it back.
/// </summary>
public sealed class OutboxSecrets(IDataProtectionProvider protection)
{
    /// <summary>Marks a protected payload; rows written before payloads were protected hold the code itself.</summary>
    public const string Prefix = "dp:";

    private readonly IDataProtector _protector = protection.CreateProtector("Parasol.Outbox.Payload");

    public string? Protect(string? secret) => secret is null ? null : Prefix + _protector.Protect(secret);

    /// <summary>The secret a row's payload holds; a payload written before protection is returned as it is.</summary>
    public string? Reveal(string? payload) =>
        payload is not null && payload.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(payload[Prefix.Length..]) : payload;
}
