namespace Parasol.Portal.Tests;

/// <summary>The repository's files, for tests that read the Portal's sources (views, resource files).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Portal => Path.Combine(Root, "src", "Portal");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Parasol.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Parasol.slnx not found above " + AppContext.BaseDirectory);
    }
}
