using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Testing;

namespace Parasol.Core.Tests.Outbox;

public sealed class OutboxInterceptorTests : IAsyncLifetime
{
    private readonly RecordingDispatcher _dispatcher = new();
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.Replace(ServiceDescriptor.Singleton<IOutboxDispatcher>(_dispatcher)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Rows_written_inside_a_transaction_are_handed_over_only_after_the_commit()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var c = NewCase();
        db.Cases.Add(c);
        await db.SaveChangesAsync();

        Assert.Empty(_dispatcher.Dispatched);
        await transaction.CommitAsync();

        var handed = _dispatcher.Dispatched.ToList();
        Assert.Equal(2, handed.Count);
        Assert.Contains(handed, m => m.Kind == OutboxKind.RouteCase && m.CaseId == c.Id && m.Id > 0);
        var receipt = Assert.Single(handed, m => m.Template == MailTemplate.Receipt && m.RecipientEmail == c.ContactEmail);
        Assert.Equal("ABCD-1234", _services.GetRequiredService<OutboxSecrets>().Reveal(receipt.Payload));
    }

    [Fact]
    public async Task A_rolled_back_submission_leaves_no_rows_and_starts_no_job()
    {
        var c = NewCase();
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(_dispatcher.Dispatched);
        await using var check = _services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<ParasolDbContext>().OutboxMessages.AnyAsync(m => m.CaseId == c.Id));
    }

    [Fact]
    public async Task Events_that_need_no_work_write_no_rows()
    {
        var c = await TestCases.SubmitAsync(_services);
        _dispatcher.Dispatched.Clear();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
        tracked.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.NoteAdded, Text = "Notatka" });
        tracked.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.StatusChanged, NewStatus = CaseStatus.InterviewPlanned, Text = "Wywiad" });
        await db.SaveChangesAsync();

        Assert.Empty(_dispatcher.Dispatched);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.CaseId == c.Id));
    }

    private static Case NewCase() => new()
    {
        Id = Guid.CreateVersion7(),
        Number = $"TEST.{Guid.NewGuid():N}"[..30],
        Type = CaseType.AssistantRequest,
        Source = CaseSource.Family,
        ReceivedAt = DateTimeOffset.UtcNow,
        ContactEmail = "rodzina@example.test",
        IssuedAccessCode = "ABCD-1234",
        Events = [new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.Received, Text = "Wpłynęło" }],
    };

    private sealed class RecordingDispatcher : IOutboxDispatcher
    {
        public List<OutboxMessage> Dispatched { get; } = [];

        public void Dispatch(IReadOnlyCollection<OutboxMessage> messages) => Dispatched.AddRange(messages);
    }
}
