using Microsoft.Extensions.Options;

namespace Parasol.Core.Attachments;

/// <summary>Keeps attachments as files in a directory outside the web root, two levels of fan-out by key.</summary>
public sealed class FileSystemAttachmentStore(IOptions<AttachmentStoreOptions> options) : IAttachmentStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Directory);

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        var temp = path + ".part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(temp);
            throw new AttachmentStoreUnavailableException(e);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The directory itself is what failed; there is nothing of ours left to remove.
        }
    }

    private string PathFor(string key)
    {
        AttachmentKeys.Checked(key);
        return Path.Combine(_root, key[..2], key[2..4], key);
    }
}
