using System.Runtime.CompilerServices;

namespace Parasol.Portal.Tests;

/// <summary>
/// ASP.NET Core's form reader buffers a large upload to a file in <c>ASPNETCORE_TEMP</c> (else the system's temporary
/// directory), read once per process. This test process gives it a directory of its own, set before any app starts,
/// so that a test can see what the Portal writes there.
/// </summary>
internal static class AspNetCoreTemp
{
    public static string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("parasol-aspnetcore-temp-").FullName;

#pragma warning disable CA2255 // A test assembly: the variable must be set before the first app of this process starts.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>
    /// The names of the files created in the directory while <paramref name="action"/> ran (each one lives only for its
    /// request, so they are watched for rather than listed). A marker file written afterwards is awaited, so every
    /// earlier event has arrived before the answer is given.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FilesCreatedDuringAsync(Func<Task> action)
    {
        var created = new List<string>();
        var marker = $"marker-{Guid.NewGuid():N}";
        var markerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(Directory) { IncludeSubdirectories = true };
        watcher.Created += (_, e) =>
        {
            if (e.Name == marker)
            {
                markerSeen.TrySetResult();
                return;
            }
            lock (created)
            {
                created.Add(e.Name ?? "");
            }
        };
        watcher.EnableRaisingEvents = true;

        await action();

        var markerPath = Path.Combine(Directory, marker);
        await File.WriteAllBytesAsync(markerPath, []);
        await markerSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        File.Delete(markerPath);
        lock (created)
        {
            return [.. created];
        }
    }
}
