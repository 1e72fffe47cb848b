using Parasol.Testing;
using Xunit.Abstractions;

namespace Parasol.EndToEnd.Tests.Portal;

[Collection(PortalSiteCollection.Name)]
public sealed class ScreenshotTests(PortalSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(375, false)]
    [InlineData(375, true)]
    [InlineData(1280, false)]
    [InlineData(1280, true)]
    public async Task The_home_page_is_photographed_for_review(int width, bool highContrast)
    {
        await using var context = await Browser.NewContextAsync(width: width, height: 800);
        await site.SetPreferencesAsync(context, highContrast: highContrast);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url.ToString());

        var file = Path.Combine(Artifacts.Directory, $"portal-home-{width}px-{(highContrast ? "high-contrast" : "normal")}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });

        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        output.WriteLine(file);
    }
}

/// <summary>tests/artifacts/ at the root of the repository (git-ignored): screenshots and logs for people to review.</summary>
internal static class Artifacts
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Parasol.slnx")))
            {
                return System.IO.Directory.CreateDirectory(Path.Combine(directory.FullName, "tests", "artifacts")).FullName;
            }
        }
        throw new InvalidOperationException("Parasol.slnx not found above " + AppContext.BaseDirectory);
    }
}
