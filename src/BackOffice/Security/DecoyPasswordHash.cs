using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Security;

/// <summary>
/// A sign-in with an address that has no account does the hashing work of one that has: the typed password is
/// checked against a hash of a random password, made once by the same hasher. Answered without it, such a sign-in came
/// back sooner, which told anyone timing the answers which addresses have accounts.
/// </summary>
public sealed class DecoyPasswordHash
{
    private static readonly StaffMember Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<StaffMember> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
