using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages;

public sealed class QueueTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task A_clerk_sees_the_triage_tabs_with_counts_and_the_new_cases_first()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        await using var db = backOffice.App.Database.CreateDbContext();
        var newCases = await db.Cases.CountAsync(c => c.Status == CaseStatus.Received && c.SocialWorkerId == null);

        var page = await StaffSession.GetPageAsync(client, "/");

        var tabs = page.QuerySelectorAll(".tabs a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal($"Nowe ({newCases})", tabs[0]);
        Assert.Equal(["Nowe", "Oczekujące na wnioskodawcę", "Po terminie", "Wszystkie"], tabs.Select(t => t[..t.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.Equal("page", page.QuerySelector(".tabs a")!.GetAttribute("aria-current"));
        Assert.Equal(newCases, page.QuerySelectorAll("table.queue tbody tr").Length);
        Assert.All(page.QuerySelectorAll("table.queue tbody tr td:nth-child(4)"), td => Assert.Equal("Wpłynęła", td.TextContent.Trim()));
    }

    [Fact]
    public async Task Assigning_a_new_case_from_the_queue_moves_it_from_the_clerks_new_count_to_the_workers_own_count()
    {
        using var clerk = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        using var worker = await StaffSession.SignInAsync(backOffice.App, "a.kowalska@ops.example");
        await using var db = backOffice.App.Database.CreateDbContext();
        var workerId = await db.Users.Where(u => u.Email == "a.kowalska@ops.example").Select(u => u.Id).SingleAsync();
        var queue = await StaffSession.GetPageAsync(clerk, "/");
        var newBefore = TabCount(queue, "New");
        var mineBefore = TabCount(await StaffSession.GetPageAsync(worker, "/"), "Mine");

        var assign = queue.QuerySelector("ul.triage-list form")!.GetAttribute("action")!;
        var response = await StaffSession.PostFormAsync(clerk, assign, new() { ["WorkerId"] = workerId.ToString(), ["ReturnToQueue"] = "true" }, formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(newBefore - 1, TabCount(await StaffSession.GetPageAsync(clerk, "/"), "New"));
        Assert.Equal(mineBefore + 1, TabCount(await StaffSession.GetPageAsync(worker, "/"), "Mine"));
    }

    private static int TabCount(AngleSharp.Html.Dom.IHtmlDocument page, string tab) =>
        int.Parse(page.QuerySelector($".tabs a[href='/?Tab={tab}'] .count")!.TextContent.Trim('(', ')', ' '), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_search_by_surname_without_polish_letters_is_posted_never_put_in_the_address()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        await using var db = backOffice.App.Database.CreateDbContext();
        var person = (await db.CasePeople.AsNoTracking().ToListAsync()).First(p => p.LastName.IndexOfAny(['ś', 'ł', 'ż', 'ń']) >= 0);
        var number = await db.Cases.Where(c => c.Id == person.CaseId).Select(c => c.Number).SingleAsync();
        var folded = Core.Queue.SearchText.Fold(person.LastName).ToUpperInvariant();

        var form = await StaffSession.GetPageAsync(client, "/?Tab=All");
        Assert.Equal("post", form.QuerySelector("form.queue-filters")!.GetAttribute("method"));
        var response = await StaffSession.PostFormAsync(client, "/", new() { ["Tab"] = "All", ["Search"] = folded });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await Html.ParseAsync(response)).QuerySelectorAll("table.queue tbody tr td:first-child a").Select(a => a.TextContent.Trim());
        Assert.Contains(number, rows);
    }

    [Fact]
    public async Task A_social_worker_starts_on_their_own_cases_and_sees_no_other_districts_case()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "j.wisniewski@ops.example");
        await using var db = backOffice.App.Database.CreateDbContext();
        var jan = await db.Users.Include(u => u.Districts).SingleAsync(u => u.Email == "j.wisniewski@ops.example");
        var districts = jan.Districts.Select(d => d.Id).ToList();
        var visible = await db.Cases.Where(c => c.Status != CaseStatus.Merged && (c.SocialWorkerId == jan.Id || (c.DistrictId != null && districts.Contains(c.DistrictId.Value))))
            .Select(c => c.Number).ToListAsync();

        var mine = await StaffSession.GetPageAsync(client, "/");
        var all = await StaffSession.GetPageAsync(client, "/?Tab=All");

        Assert.Equal("page", mine.QuerySelector(".tabs a[href='/?Tab=Mine']")!.GetAttribute("aria-current"));
        Assert.Equal(visible.Order(), all.QuerySelectorAll("table.queue tbody tr td:first-child a").Select(a => a.TextContent.Trim()).Order());
    }

    [Fact]
    public async Task The_clerk_exports_the_new_tab_as_csv_and_the_export_is_audited()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        await using var db = backOffice.App.Database.CreateDbContext();
        var numbers = await db.Cases.Where(c => c.Status == CaseStatus.Received && c.SocialWorkerId == null).Select(c => c.Number).ToListAsync();

        var response = await StaffSession.PostFormAsync(client, "/?handler=Export", new() { ["Tab"] = "New" }, formPage: "/");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("\"Znak sprawy\";\"Wnioskodawca\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(numbers.Order(), lines.Skip(1).Select(l => l.Split(';')[0].Trim('"')).Order());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Core.Audit.AuditAction.Exported && a.Detail == $"queue New: {numbers.Count} cases"));
    }

    [Fact]
    public async Task A_surname_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        // OWASP's CSV injection list: a cell starting with = + - @, a tab or a carriage return is run by Excel and Calc.
        string[] surnames = ["=HYPERLINK(\"http://evil.example\")", "+48-1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];
        await using var services = backOffice.App.Database.CreateServices();
        foreach (var surname in surnames)
        {
            await TestCases.SubmitAsync(services, c => c.People.Add(new CasePerson { Id = Guid.NewGuid(), Role = PersonRole.Applicant, FirstName = "Jan", LastName = surname }));
        }
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await StaffSession.PostFormAsync(client, "/?handler=Export", new() { ["Tab"] = "New" }, formPage: "/");

        var csv = await response.Content.ReadAsStringAsync();
        foreach (var surname in surnames)
        {
            Assert.Contains($"\"'{surname.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", csv, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/?ReceivedTo=9999-12-31")]
    [InlineData("/?ReceivedFrom=0001-01-01")]
    [InlineData("/?Tab=All&ReceivedFrom=0001-01-01&ReceivedTo=9999-12-31")]
    public async Task The_earliest_and_latest_dates_filter_as_no_bound_instead_of_failing(string path)
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var unfiltered = await StaffSession.GetPageAsync(client, path.Contains("Tab=All", StringComparison.Ordinal) ? "/?Tab=All" : "/");

        var filtered = await StaffSession.GetPageAsync(client, path);

        Assert.Equal(unfiltered.QuerySelectorAll("table.queue tbody tr").Length, filtered.QuerySelectorAll("table.queue tbody tr").Length);
    }
}
