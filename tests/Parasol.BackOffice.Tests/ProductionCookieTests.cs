using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.BackOffice.Tests.Pages.Account;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>The back office configured as in production, where it is served over HTTPS: cookies must never travel in clear.</summary>
public sealed class ProductionBackOffice : IAsyncLifetime
{
    public ParasolAppFactory<SharedResource> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());
        App.Settings["environment"] = "Production";
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}

public sealed class ProductionCookieTests(ProductionBackOffice backOffice) : IClassFixture<ProductionBackOffice>
{
    [Fact]
    public async Task Every_cookie_the_back_office_sets_is_secure_http_only_and_same_site_strict()
    {
        var jar = new CookieJar();
        using var client = backOffice.App.CreateDefaultClient(Https, jar);
        await PostAsync(client, "/Account/SignIn", new() { ["Email"] = "admin@ops.example", ["Password"] = DemoStaff.Password });
        var key = (await Html.ParseAsync(await client.GetAsync(new Uri("/Account/Authenticator", UriKind.Relative)))).Text("#shared-key");
        await PostAsync(client, "/Account/Authenticator", new() { ["Code"] = TwoFactorTests.Totp(key) });
        await PostAsync(client, "/Account/Language", new() { ["culture"] = "en", ["returnUrl"] = "/Admin/Staff" }, formPage: "/Admin/Staff");
        await using var db = backOffice.App.Database.CreateDbContext();
        var clerk = await db.Users.SingleAsync(u => u.Email == "kancelaria@ops.example");
        await PostAsync(client, $"/Admin/Staff/Edit/{clerk.Id}?handler=ResetTwoFactor", [], formPage: $"/Admin/Staff/Edit/{clerk.Id}");
        // The first step of a two-step sign-in has a cookie of its own.
        var jar2 = new CookieJar();
        using var second = backOffice.App.CreateDefaultClient(Https, jar2);
        await PostAsync(second, "/Account/SignIn", new() { ["Email"] = "admin@ops.example", ["Password"] = DemoStaff.Password });

        // Deleting a cookie sends it empty: nothing to protect.
        var cookies = jar.Set.Concat(jar2.Set).Where(c => !c.Split(';')[0].EndsWith('=')).ToList();
        string[] expected = ["parasol-staff", "parasol-staff-csrf", "parasol-staff-device", ".AspNetCore.Culture", ".AspNetCore.Mvc.CookieTempDataProvider", "Identity.TwoFactorUserId"];
        Assert.Equal(expected, expected.Where(name => cookies.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal))));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure") && attributes.Contains("httponly") && attributes.Contains("samesite=strict"), cookie);
        });
    }

    private static readonly Uri Https = new("https://localhost");

    private static async Task PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var response = await StaffSession.PostFormAsync(client, path, fields, formPage);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{path}: {response.StatusCode}");
    }

    /// <summary>Keeps cookies by name and value, and records every Set-Cookie header as the server wrote it.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        public List<string> Set { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    Set.Add(value);
                    var pair = value.Split(';')[0];
                    var (name, content) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                    if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        _cookies.Remove(name);
                    }
                    else
                    {
                        _cookies[name] = content;
                    }
                }
            }
            return response;
        }
    }
}
