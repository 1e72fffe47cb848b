using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core;
using Parasol.Core.Cases;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.MoreThanOneMachine;

/// <summary>
/// Two Portals and two BackOffices (each with its own Hangfire server) on real ports over one database, as behind a
/// load balancer that sends every request to whichever instance is next.
/// </summary>
public sealed class TwoInstancesTests(TwoOfEach apps) : IClassFixture<TwoOfEach>
{
    private Uri[] Portals => apps.Portals;
    private Uri[] BackOffices => apps.BackOffices;
    private TestDatabase Database => apps.Database;
    private Maildev Smtp => apps.Smtp;

    [Fact]
    public async Task A_journey_started_on_one_portal_finishes_on_the_other_and_its_jobs_run_once_across_two_servers()
    {
        var browser = new Balancer(Portals);
        var start = await browser.GetAsync("/apply/family-assistant");
        var step = await browser.PostAsync(start, start.Url, []);
        var id = Guid.Parse(step.Url.AbsolutePath.Split('/')[3]);
        step = await browser.PostAsync(step, step.Url, new()
        {
            ["Answers.Role"] = "Parent",
            ["Answers.FirstName"] = "Anna",
            ["Answers.LastName"] = "Wójcik",
            ["Answers.Pesel"] = "90032712341",
        });
        step = await browser.PostAsync(step, step.Url, new()
        {
            ["Answers.Street"] = "3 Maja",
            ["Answers.HouseNumber"] = "36",
            ["Answers.FlatNumber"] = "4",
            ["Answers.PostalCode"] = "44230",
            ["Answers.City"] = "Lipowiec",
            ["Answers.Phone"] = "601 234 567",
            ["Answers.Email"] = "anna.wojcik@example.com",
            ["Answers.PreferredContact"] = "Email",
            ["Answers.Language"] = "pl",
        });
        step = await browser.PostAsync(step, step.Url, new()
        {
            ["Answers.Children[0].FirstName"] = "Zosia",
            ["Answers.Children[0].DateOfBirth.Day"] = "14",
            ["Answers.Children[0].DateOfBirth.Month"] = "9",
            ["Answers.Children[0].DateOfBirth.Year"] = "2018",
            ["Answers.OtherMembers"] = "",
        });
        step = await browser.PostAsync(step, step.Url, new()
        {
            ["Answers.Difficulties"] = "Trudno nam ogarnąć dom i szkołę.",
            ["Answers.HelpWanted"] = "Upbringing",
            ["Answers.HelpOther"] = "",
            ["Answers.EarlierHelp"] = "No",
            ["Answers.EarlierHelpDetails"] = "",
        });
        step = await browser.PostAsync(step, new Uri(step.Url, "?handler=Continue"), []);
        Assert.EndsWith("/check", step.Url.AbsolutePath, StringComparison.Ordinal);
        var receipt = await browser.PostAsync(step, step.Url, new() { ["Consent"] = "true" });

        Assert.StartsWith("/apply/receipt/", receipt.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(Portals.Length, browser.InstancesUsed);
        var number = receipt.Page.QuerySelector(".case-number")!.TextContent.Trim();
        var code = receipt.Page.QuerySelector(".access-code")!.TextContent.Trim();

        // More cases from a Portal-like client, so both Hangfire servers compete for the jobs.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = Database.ConnectionString })
            .Build();
        var portalServices = new ServiceCollection().AddLogging();
        portalServices.AddParasolCore(configuration);
        portalServices.AddParasolJobsClient(configuration);
        await using var provider = portalServices.BuildServiceProvider();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await TestCases.SubmitAsync(provider)).Id);
        }

        await using var db = Database.CreateDbContext();
        var journeyCase = await db.Cases.SingleAsync(c => c.SubmissionKey == id);
        Assert.Equal(number, journeyCase.Number);
        ids.Add(journeyCase.Id);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (await db.OutboxMessages.AnyAsync(m => m.CaseId != null && ids.Contains(m.CaseId.Value) && m.ProcessedAt == null && !m.Abandoned)
            && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        var routed = await db.CaseEvents.Where(e => ids.Contains(e.CaseId) && e.Kind == CaseEventKind.Routed)
            .GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(ids.Count, routed.Count);
        Assert.All(routed, count => Assert.Equal(1, count));
        var receipts = await db.OutboxMessages.CountAsync(m => m.CaseId != null && ids.Contains(m.CaseId.Value) && m.Template == MailTemplate.Receipt);
        Assert.Equal(ids.Count, receipts);
        var mails = await Smtp.WaitForAsync(receipts, TimeSpan.FromSeconds(30));
        var receiptMails = mails.Where(m => m.To == "anna.wojcik@example.com" || m.To.StartsWith("rodzina-", StringComparison.Ordinal)).ToList();
        Assert.Equal(receipts, receiptMails.Count);
        Assert.Equal(receipts, receiptMails.Select(m => m.To).Distinct().Count());
        // A Portal encrypted the code in the outbox row with the shared key ring; a back office decrypted it to send it.
        Assert.Contains($"Kod dostępu do sprawdzenia stanu sprawy: {code}.", receiptMails.Single(m => m.To == "anna.wojcik@example.com").Text, StringComparison.Ordinal);
        var servers = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.server").SingleAsync();
        Assert.Equal(2, servers);
    }

    [Fact]
    public async Task A_staff_member_signed_in_on_one_back_office_keeps_working_on_the_other()
    {
        var browser = new Balancer(BackOffices);
        var signIn = await browser.GetAsync("/Account/SignIn");

        var home = await browser.PostAsync(signIn, signIn.Url, new() { ["Email"] = "kancelaria@ops.example", ["Password"] = DemoStaff.Password });
        Assert.Equal("/", home.Url.AbsolutePath);
        var again = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("/", again.Url.AbsolutePath);
        // The signed-in header names the account on either instance.
        Assert.False(string.IsNullOrWhiteSpace(again.Page.QuerySelector("a[href='/Account/Security']")?.TextContent));
        Assert.Equal(BackOffices.Length, browser.InstancesUsed);
    }

    private sealed record Response(Uri Url, HttpStatusCode Status, IHtmlDocument Page);

    /// <summary>
    /// A browser behind a round-robin load balancer: one cookie jar (cookies ignore ports, so every instance sees the
    /// same cookies, as behind one host name) and each request to the next instance.
    /// </summary>
    private sealed class Balancer(Uri[] instances)
    {
        private readonly CookieContainer _cookies = new();
        private readonly HashSet<int> _used = [];
        private int _next;

        public int InstancesUsed => _used.Count;

        public Task<Response> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public Task<Response> PostAsync(Response form, Uri action, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = Html.AntiforgeryToken(form.Page);
            return SendAsync(new HttpRequestMessage(HttpMethod.Post, action.PathAndQuery) { Content = new FormUrlEncodedContent(fields) });
        }

        private async Task<Response> SendAsync(HttpRequestMessage first)
        {
            var request = first;
            try
            {
                // Redirects are followed by hand, so that the next page, too, comes from the next instance.
                for (var hops = 0; hops < 5; hops++)
                {
                    var instance = _next++ % instances.Length;
                    _used.Add(instance);
                    request.RequestUri = new Uri(instances[instance], request.RequestUri!.OriginalString);
                    using var handler = new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false };
                    using var client = new HttpClient(handler);
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
                    {
                        var location = response.Headers.Location!;
                        var next = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
                        request.Dispose();
                        request = next;
                        continue;
                    }
                    return new Response(request.RequestUri, response.StatusCode, await Html.ParseAsync(response));
                }
                throw new InvalidOperationException("Too many redirects.");
            }
            finally
            {
                request.Dispose();
            }
        }
    }
}

/// <summary>Two Portals and two BackOffices with a Hangfire server each, over one database and one SMTP server.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.")]
public sealed class TwoOfEach : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _apps = [];

    public TestDatabase Database { get; private set; } = null!;
    public Maildev Smtp { get; private set; } = null!;
    public Uri[] Portals { get; private set; } = [];
    public Uri[] BackOffices { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Smtp = await Maildev.StartAsync();
        Portals = [StartPortal(), StartPortal()];
        BackOffices = [StartBackOffice(), StartBackOffice()];
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }

    private Uri StartPortal()
    {
        var app = new ParasolAppFactory<Parasol.Portal.SharedResource>(Database);
        _apps.Add(app);
        return app.StartOnRealPort();
    }

    private Uri StartBackOffice()
    {
        var app = new ParasolAppFactory<Parasol.BackOffice.SharedResource>(Database);
        app.Settings["Jobs:RunServer"] = "true";
        app.Settings["Mail:Host"] = "127.0.0.1";
        app.Settings["Mail:Port"] = Smtp.SmtpPort.ToString(CultureInfo.InvariantCulture);
        app.Settings["Mail:Security"] = "None";
        _apps.Add(app);
        return app.StartOnRealPort();
    }
}
