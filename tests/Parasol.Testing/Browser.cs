using Microsoft.Playwright;

namespace Parasol.Testing;

/// <summary>One headless Debian Chromium per test process; each test opens its own context (cookies, storage).</summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Instance = new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<IBrowser> GetAsync() => Instance.Value;

    /// <summary>A new context with its own cookies; JavaScript can be switched off to test the no-script paths.</summary>
    public static async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true, int width = 1280, int height = 900)
    {
        var browser = await GetAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "pl-PL",
            TimezoneId = "Europe/Warsaw",
        });
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException("Chromium is not installed at /usr/bin/chromium: run ./test.sh, which installs Debian's chromium.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
