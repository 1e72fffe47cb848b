using Microsoft.Extensions.Options;

namespace Parasol.Core.Attachments;

/// <summary>Keeps attachments as files in a directory outside the web root, two levels of fan-out by key.</summary>
public sealed class FileSystemAttachmentStore(IOptions<AttachmentStoreOptions> options) : IAttachmentStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Directory);

    // Medical certificates and court papers: readable by the app's own user only, whatever the process's umask
    // (Debian's default 022 would leave them readable by every account on the machine).
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly FileStreamOptions PrivateFile = PrivateFileOptions();

    private static FileStreamOptions PrivateFileOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return options;
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        var temp = path + ".part";
        var moved = false;
        try
        {
            CreatePrivateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temp, PrivateFile))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                // On the disk, not only in the page cache, before the case that names it is committed and the family
                // is told it arrived: a power cut must not leave a case without its medical certificate.
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            moved = true;
            // And the rename with it, or after a power cut the file may still be under its temporary name.
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(moved ? path : temp);
            throw new AttachmentStoreUnavailableException(e);
        }
        catch
        {
            DeleteQuietly(moved ? path : temp);
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

    /// <summary>The two fan-out levels below the root, each owner-only (the root is the operator's to set).</summary>
    private void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(_root);
        var parent = Path.GetDirectoryName(path)!;
        foreach (var level in new[] { parent, path })
        {
            if (!Directory.Exists(level))
            {
                Directory.CreateDirectory(level, OwnerOnlyDirectory);
            }
        }
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
