using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Parasol.Core.Web;

namespace Parasol.BackOffice.Security;

/// <summary>
/// The browser's device cookie (OWASP's "device cookies"): for each account signed in from this browser, the id of its
/// <see cref="Parasol.Core.Staff.TrustedDevice"/>, encrypted and signed with Data Protection so that it can be neither
/// read nor made up. A browser shared by several people keeps one entry each, the most recent few.
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider dataProtection, IHostEnvironment environment)
{
    public const string Name = "parasol-staff-device";
    private const int MaxAccounts = 5;
    private const int EntryBytes = 32;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Parasol.BackOffice.DeviceCookie.v1");

    /// <summary>The device this browser holds for the account, if any (whether it is still trusted is the database's answer).</summary>
    public Guid? DeviceFor(HttpContext context, Guid staffId) =>
        Read(context).Where(e => e.StaffId == staffId).Select(e => (Guid?)e.DeviceId).FirstOrDefault();

    /// <summary>Puts the account's new device first, in place of its old one.</summary>
    public void Write(HttpContext context, Guid staffId, Guid deviceId, TimeSpan lifetime)
    {
        var entries = Read(context).Where(e => e.StaffId != staffId).Prepend((DeviceId: deviceId, StaffId: staffId)).Take(MaxAccounts).ToList();
        var payload = new byte[1 + entries.Count * EntryBytes];
        payload[0] = 1;
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].DeviceId.TryWriteBytes(payload.AsSpan(1 + i * EntryBytes, 16));
            entries[i].StaffId.TryWriteBytes(payload.AsSpan(17 + i * EntryBytes, 16));
        }
        context.Response.Cookies.Append(Name, WebEncoders.Base64UrlEncode(_protector.Protect(payload)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = SecurityHeaders.CookieSecure(environment) == CookieSecurePolicy.Always || context.Request.IsHttps,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    private List<(Guid DeviceId, Guid StaffId)> Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(value));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            // Tampered with, or made with keys that are gone: simply not trusted.
            return [];
        }
        if (payload.Length < 1 || payload[0] != 1 || (payload.Length - 1) % EntryBytes != 0)
        {
            return [];
        }
        return Enumerable.Range(0, (payload.Length - 1) / EntryBytes)
            .Select(i => (new Guid(payload.AsSpan(1 + i * EntryBytes, 16)), new Guid(payload.AsSpan(17 + i * EntryBytes, 16))))
            .ToList();
    }
}
