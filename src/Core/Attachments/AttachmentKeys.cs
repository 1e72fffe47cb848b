namespace Parasol.Core.Attachments;

/// <summary>Storage keys are opaque identifiers Parasol makes; every store refuses anything else.</summary>
internal static class AttachmentKeys
{
    public static string Checked(string key) =>
        key.Length >= 8 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? key
            : throw new ArgumentException("Attachment keys are opaque identifiers of letters, digits and dashes.", nameof(key));
}
