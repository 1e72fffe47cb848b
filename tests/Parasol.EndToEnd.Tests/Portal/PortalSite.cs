using Microsoft.Playwright;
using Parasol.Portal.Preferences;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Portal;

/// <summary>One Portal on a real port shared by the portal's browser tests, so they pay for one start-up.</summary>
public sealed class PortalSite : IAsyncLifetime
{
    public static readonly string[] PublicPages =
        ["/", "/family-assistant", "/za-zyciem", "/after-you-apply", "/contact", "/accessibility", "/privacy", "/cookies"];

    public static readonly string[] Languages = ["pl", "en", "uk"];

    private TestDatabase _database = null!;
    public ParasolAppFactory<Parasol.Portal.SharedResource> App { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        App = new ParasolAppFactory<Parasol.Portal.SharedResource>(_database);
        Url = App.StartOnRealPort();
        using var client = new HttpClient { BaseAddress = Url };
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        if (!home.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The portal's home page answered {(int)home.StatusCode}.\n{App.ServerErrors}");
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }

    public Uri Page(string path) => new(Url, path);

    /// <summary>Cookies as the portal's own controls would have left them.</summary>
    public async Task SetPreferencesAsync(IBrowserContext context, string? language = null, bool highContrast = false, int fontScale = 100, bool consented = false)
    {
        var cookies = new List<Cookie>();
        if (language is not null)
        {
            cookies.Add(new Cookie { Name = VisitorPreferences.CultureCookie, Value = $"c={language}|uic={language}", Url = Url.ToString() });
        }
        if (highContrast)
        {
            cookies.Add(new Cookie { Name = VisitorPreferences.ContrastCookie, Value = "high", Url = Url.ToString() });
        }
        if (fontScale != 100)
        {
            cookies.Add(new Cookie { Name = VisitorPreferences.FontCookie, Value = fontScale.ToString(System.Globalization.CultureInfo.InvariantCulture), Url = Url.ToString() });
        }
        if (consented)
        {
            cookies.Add(new Cookie { Name = VisitorPreferences.ConsentCookie, Value = "accepted", Url = Url.ToString() });
        }
        if (cookies.Count > 0)
        {
            await context.AddCookiesAsync(cookies);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalSiteCollection : ICollectionFixture<PortalSite>
{
    public const string Name = "Portal site";
}
