using System.Security.Cryptography;
using System.Text;

namespace Parasol.Core.Submissions;

/// <summary>
/// The secret that opens a case's status page: 12 characters from an alphabet without look-alikes (about 60 bits),
/// so a plain SHA-256 is a safe way to store it and wrong guesses are rate-limited anyway.
/// </summary>
public static class AccessCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    public static bool Matches(string? typed, string? storedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(typed ?? ""));
        var expected = Encoding.ASCII.GetBytes(storedHash ?? new string('0', 64));
        return CryptographicOperations.FixedTimeEquals(actual, expected) && storedHash is not null;
    }

    /// <summary>People type codes with spaces, lower case or without the dashes; all of those are the same code.</summary>
    private static string Normalize(string code) =>
        string.Concat(code.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
