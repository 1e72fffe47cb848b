namespace Parasol.Core.Attachments;

/// <summary>Where attachment bytes are kept. Keys are opaque and chosen by Parasol, never by the uploader.</summary>
public interface IAttachmentStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the stored bytes for reading, or returns null when there is nothing under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
