using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>
/// Signs a request in with the role named in a header, so tests of admin pages do not depend on the sign-in journey
/// (with its second factor). Requests without the header stay anonymous.
/// </summary>
public sealed class HeaderRoles(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestRoles";
    public const string Header = "X-Test-Role";

    public static void Use(ParasolAppFactory<SharedResource> app)
    {
        var previous = app.ConfigureTestServices;
        app.ConfigureTestServices = services =>
        {
            previous?.Invoke(services);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderRoles>(SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = SchemeName);
        };
    }

    public static HttpClient Client(ParasolAppFactory<SharedResource> app, string role)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Header, role);
        return client;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, role.ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
