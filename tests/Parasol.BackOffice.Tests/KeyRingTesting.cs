using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Parasol.BackOffice.Setup;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>Back offices with or without a key-ring certificate over one database, and a staff cookie to carry between them.</summary>
internal static partial class KeyRingTesting
{
    public static ParasolAppFactory<SharedResource> App(TestDatabase database, string? certificatePath, string? password)
    {
        var app = new ParasolAppFactory<SharedResource>(database);
        if (certificatePath is not null)
        {
            app.Settings["DataProtection:CertificatePath"] = certificatePath;
            app.Settings["DataProtection:CertificatePassword"] = password;
        }
        return app;
    }

    /// <summary>A certificate made as an operator would, with the command; its password read from what it prints.</summary>
    public static (string Path, string Password) MakeCertificate(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        using var output = new StringWriter();
        Assert.Equal(0, KeyCertificateCommand.Run([KeyCertificateCommand.Command, "--out", path], output));
        return (path, PrintedPassword().Match(output.ToString()).Groups[1].Value);
    }

    public static async Task<string> SignInCookieAsync(ParasolAppFactory<SharedResource> app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "kancelaria@ops.example",
                ["Password"] = DemoStaff.Password,
                ["__RequestVerificationToken"] = Html.AntiforgeryToken(await Html.ParseAsync(form)),
            }),
        };
        post.Headers.Add("Cookie", CookiesOf(form));
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiesOf(signedIn);
    }

    public static async Task<HttpResponseMessage> HomeAsync(ParasolAppFactory<SharedResource> app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        return await client.SendAsync(home);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex(@"password \(shown once\): (\S+)")]
    private static partial Regex PrintedPassword();

    /// <summary>What an app logged from <c>minimum</c> up, formatted as a log reader sees it (with exceptions).</summary>
    public sealed class Log(LogLevel minimum) : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public LogLevel Minimum { get; } = minimum;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(Log log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= log.Minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Entries.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
                }
            }
        }
    }
}
