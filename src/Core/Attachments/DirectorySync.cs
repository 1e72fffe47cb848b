using System.Runtime.InteropServices;

namespace Parasol.Core.Attachments;

/// <summary>Flushes a directory to disk (fsync on the directory), so that a file renamed into it survives a power cut.</summary>
/// <remarks>.NET opens no handle on a directory, so this asks the C library directly; elsewhere than Linux it does nothing.</remarks>
internal static class DirectorySync
{
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var fd = Open(directory, 0); // O_RDONLY: a directory opens read-only
        if (fd < 0)
        {
            throw new IOException($"The directory could not be opened to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"The directory could not be flushed to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
