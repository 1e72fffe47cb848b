using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Web;

/// <summary>How many stored keys <see cref="StoredKeyProtection"/> encrypted, and how many it found encrypted already.</summary>
public sealed record StoredKeyProtectionResult(int Protected, int AlreadyProtected);

/// <summary>
/// Encrypts, in place, the data-protection keys stored in the clear before a certificate was configured, as the
/// framework encrypts a new key (XmlKeyManager through its internal XmlEncryptionExtensions.EncryptIfNecessary): each
/// element marked <c>requiresEncryption</c> (the <c>&lt;masterKey&gt;</c>) is replaced by an <c>&lt;encryptedSecret
/// decryptorType="…"&gt;</c> holding the configured encryptor's output. The keys themselves do not change, so cookies and
/// protected data made with them stay readable by instances that have the certificate, and a database copy alone no
/// longer reads them. Nothing here is logged.
/// </summary>
public sealed class StoredKeyProtection(ParasolDbContext db, IOptions<KeyManagementOptions> keyManagement, IServiceProvider services)
{
    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtectionNamespace + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtectionNamespace + "requiresEncryption";

    /// <summary>False when no certificate is configured: there is nothing to encrypt with.</summary>
    public bool CanProtect => keyManagement.Value.XmlEncryptor is not null;

    public async Task<StoredKeyProtectionResult> ProtectAsync(CancellationToken cancellationToken = default)
    {
        var encryptor = keyManagement.Value.XmlEncryptor
            ?? throw new InvalidOperationException("No certificate is configured to encrypt the data-protection keys with (DataProtection:CertificatePath).");
        var (protectedCount, alreadyProtected) = (0, 0);
        foreach (var row in await db.DataProtectionKeys.OrderBy(k => k.Id).ToListAsync(cancellationToken))
        {
            if (row.Xml is null)
            {
                continue;
            }
            var stored = XElement.Parse(row.Xml);
            if (!stored.DescendantsAndSelf().Any(RequiringEncryption))
            {
                alreadyProtected += stored.DescendantsAndSelf(EncryptedSecret).Any() ? 1 : 0;
                continue;
            }
            var encrypted = Encrypt(encryptor, stored);
            EnsureItDecrypts(encrypted, stored);
            row.Xml = encrypted.ToString(SaveOptions.DisableFormatting);
            protectedCount++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new StoredKeyProtectionResult(protectedCount, alreadyProtected);
    }

    private static bool RequiringEncryption(XElement element) => (bool?)element.Attribute(RequiresEncryption) ?? false;

    private static XElement Encrypt(IXmlEncryptor encryptor, XElement stored)
    {
        var document = new XDocument(new XElement(stored));
        while (document.Descendants().FirstOrDefault(RequiringEncryption) is { } secret)
        {
            var info = encryptor.Encrypt(new XDocument(new XElement(secret)).Root!);
            secret.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!),
                info.EncryptedElement));
        }
        return document.Root!;
    }

    /// <summary>A key rewritten wrong would sign everyone out and lose every half-filled form: check before it is stored.</summary>
    private void EnsureItDecrypts(XElement encrypted, XElement stored)
    {
        var decrypted = new XElement(encrypted);
        foreach (var secret in decrypted.Descendants(EncryptedSecret).ToList())
        {
            var type = Type.GetType((string)secret.Attribute("decryptorType")!, throwOnError: true)!;
            var decryptor = (IXmlDecryptor)ActivatorUtilities.CreateInstance(services, type);
            secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
        }
        if (!XNode.DeepEquals(WithoutNamespaceDeclarations(decrypted), WithoutNamespaceDeclarations(stored)))
        {
            throw new InvalidOperationException("A data-protection key encrypted with the certificate did not decrypt to the same key; nothing was changed.");
        }
    }

    /// <summary>Where a prefix is declared (on the secret or on the key) changes no name, only how the XML is written.</summary>
    private static XElement WithoutNamespaceDeclarations(XElement element)
    {
        var copy = new XElement(element);
        copy.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return copy;
    }
}
