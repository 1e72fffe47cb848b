using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>An HTTP client signed in as one member of staff, keeping its cookies, not following redirects.</summary>
public static class StaffSession
{
    public static HttpClient Anonymous(ParasolAppFactory<SharedResource> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(ParasolAppFactory<SharedResource> app, string email, string password = DemoStaff.Password)
    {
        var client = Anonymous(app);
        var response = await PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email} could not sign in: {response.StatusCode}");
        }
        return client;
    }

    /// <summary>Gets the form page first (for its antiforgery token and cookie), then posts the fields to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(formPage ?? path, UriKind.Relative)));
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect points, as a local path and query whether the header is absolute or not.</summary>
    public static string? Target(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }
}
