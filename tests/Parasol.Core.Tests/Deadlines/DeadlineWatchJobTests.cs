using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Deadlines;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Time;
using Parasol.Testing;

namespace Parasol.Core.Tests.Deadlines;

public sealed class DeadlineWatchJobTests : IAsyncLifetime
{
    // Monday 9 March 2026, 06:00 in Warsaw.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 9, 5, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s =>
        {
            s.AddParasolJobs(new ConfigurationBuilder().Build());
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_lapsed_completion_request_is_proposed_to_the_worker_never_acted_on()
    {
        var worker = await UserIdAsync("a.kowalska@ops.example");
        var c = await TestCases.SubmitAsync(_services, x =>
        {
            x.ReceivedAt = _time.GetUtcNow().AddDays(-20);
            x.Status = CaseStatus.CompletionRequested;
            x.SocialWorkerId = worker;
            x.CompletionDueOn = new DateOnly(2026, 3, 6);
        }, _time);

        await RunAsync();
        _time.Advance(TimeSpan.FromHours(2));
        await RunAsync();

        await using var db = _database.CreateDbContext();
        var stored = await db.Cases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
        Assert.Equal(CaseStatus.CompletionRequested, stored.Status);
        var flag = Assert.Single(stored.Events, e => e.Kind == CaseEventKind.DeadlineFlagged);
        Assert.Equal("minął termin: uzupełnienie braków (2026-03-06). Zaproponuj pozostawienie wniosku bez rozpoznania (KPA art. 64 § 2).", flag.Text);

        var summary = Assert.Single(await db.OutboxMessages.Where(m => m.Template == MailTemplate.StaffDailySummary && m.RecipientStaffId == worker).ToListAsync());
        Assert.Contains($"{c.Number}: minął termin: uzupełnienie braków", summary.Payload);
        var director = await UserIdAsync("dyrektor@ops.example");
        var digest = Assert.Single(await db.OutboxMessages.Where(m => m.Template == MailTemplate.DirectorDigest && m.RecipientStaffId == director).ToListAsync());
        Assert.Contains("Nowe sprawy (ostatnie 24 godziny):", digest.Payload);
        Assert.Contains("Asystent Katarzyna Lewandowska:", digest.Payload);
    }

    [Fact]
    public async Task Interview_and_decision_dates_are_computed_and_the_summary_comes_again_the_next_day()
    {
        var worker = await UserIdAsync("j.wisniewski@ops.example");
        var c = await TestCases.SubmitAsync(_services, x =>
        {
            x.ReceivedAt = WarsawTime.ToUtc(new DateOnly(2026, 3, 5), new TimeOnly(12, 0));
            x.IsUrgent = true;
            x.Status = CaseStatus.WithSocialWorker;
            x.SocialWorkerId = worker;
        }, _time);

        await RunAsync();

        await using (var db = _database.CreateDbContext())
        {
            var stored = await db.Cases.SingleAsync(x => x.Id == c.Id);
            Assert.Equal(new DateOnly(2026, 3, 9), stored.InterviewDueOn); // Thursday + 2 working days
            Assert.Equal(new DateOnly(2026, 4, 7), stored.DecisionDueOn); // 5 April is Easter, 6 April Easter Monday
            var summary = await db.OutboxMessages.SingleAsync(m => m.Template == MailTemplate.StaffDailySummary && m.RecipientStaffId == worker);
            Assert.Contains($"{c.Number}: zbliża się termin: wywiad środowiskowy (2026-03-09).", summary.Payload);
        }

        _time.Advance(TimeSpan.FromDays(1));
        await RunAsync();

        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Template == MailTemplate.StaffDailySummary && m.RecipientStaffId == worker));
            Assert.Single(await db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.DeadlineFlagged).ToListAsync());
        }
    }

    [Fact]
    public async Task The_end_of_monitoring_is_set_six_months_on_announced_to_the_assistant_and_then_proposed_once_never_acted_on()
    {
        var assistant = await UserIdAsync("k.lewandowska@ops.example");
        var c = await MonitoredCaseAsync(assistant, monitoringFrom: new DateOnly(2025, 9, 10));

        await RunAsync(); // Monday 9 March 2026: ends Thursday 10 March, within the three "approaching" days

        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(new DateOnly(2026, 3, 10), (await db.Cases.SingleAsync(x => x.Id == c.Id)).MonitoringEndsOn);
            var summary = await db.OutboxMessages.SingleAsync(m => m.Template == MailTemplate.StaffDailySummary && m.RecipientStaffId == assistant);
            Assert.Contains($"{c.Number}: zbliża się termin: koniec monitorowania rodziny (2026-03-10).", summary.Payload);
            Assert.False(await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.DeadlineFlagged));
        }

        _time.Advance(TimeSpan.FromDays(2));
        await RunAsync();
        _time.Advance(TimeSpan.FromDays(1));
        await RunAsync();

        await using (var db = _database.CreateDbContext())
        {
            var stored = await db.Cases.Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
            Assert.Equal(CaseStatus.Monitoring, stored.Status);
            var flag = Assert.Single(stored.Events, e => e.Kind == CaseEventKind.DeadlineFlagged);
            Assert.Equal("minął termin: koniec monitorowania rodziny (2026-03-10). Zaproponuj zamknięcie sprawy.", flag.Text);
            var latest = await db.OutboxMessages.Where(m => m.Template == MailTemplate.StaffDailySummary && m.RecipientStaffId == assistant)
                .OrderByDescending(m => m.CreatedAt).FirstAsync();
            Assert.Contains($"{c.Number}: minął termin: koniec monitorowania rodziny", latest.Payload);
        }
    }

    [Fact]
    public async Task An_office_sets_its_own_monitoring_length_and_the_date_goes_once_the_case_leaves_monitoring()
    {
        await using var services = _database.CreateServices(s =>
        {
            s.AddParasolJobs(new ConfigurationBuilder().Build());
            s.Configure<DeadlineOptions>(o => o.MonitoringMonths = 3);
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        });
        var c = await MonitoredCaseAsync(await UserIdAsync("p.wojcik@ops.example"), monitoringFrom: new DateOnly(2026, 1, 20));

        await RunAsync(services);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(new DateOnly(2026, 4, 20), (await db.Cases.SingleAsync(x => x.Id == c.Id)).MonitoringEndsOn);
            var closed = await db.Cases.SingleAsync(x => x.Id == c.Id);
            closed.Status = CaseStatus.WorkWithFamily;
            await db.SaveChangesAsync();
        }

        await RunAsync(services);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Null((await db.Cases.SingleAsync(x => x.Id == c.Id)).MonitoringEndsOn);
        }
    }

    private async Task<Case> MonitoredCaseAsync(Guid assistant, DateOnly monitoringFrom)
    {
        var c = await TestCases.SubmitAsync(_services, x =>
        {
            x.ReceivedAt = WarsawTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(10, 0));
            x.Status = CaseStatus.Monitoring;
            x.FamilyAssistantId = assistant;
        }, _time);
        await using var db = _database.CreateDbContext();
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id,
            OccurredAt = WarsawTime.ToUtc(monitoringFrom, new TimeOnly(14, 30)),
            Kind = CaseEventKind.StatusChanged,
            NewStatus = CaseStatus.Monitoring,
            Text = "Zakończono pracę z rodziną; monitorowanie.",
        });
        await db.SaveChangesAsync();
        return c;
    }

    private async Task RunAsync(IServiceProvider? services = null)
    {
        await using var scope = (services ?? _services).CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatchJob>().ExecuteAsync(CancellationToken.None);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
