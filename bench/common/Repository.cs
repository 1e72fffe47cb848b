namespace Parasol.Bench;

public static class Repository
{
    private static readonly Lazy<string> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parasol.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Parasol.slnx not found above the benchmark.");
    });

    public static string Root => Found.Value;
}
