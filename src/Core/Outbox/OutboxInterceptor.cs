using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Parasol.Core.Data;

namespace Parasol.Core.Outbox;

/// <summary>
/// Turns the timeline events added in a save into outbox rows written in the same transaction, then hands the rows to
/// the dispatcher only once that transaction has committed, so no job runs before its data exists (Hangfire#1175).
/// </summary>
public sealed class OutboxInterceptor(OutboxPlanner planner, IOutboxDispatcher dispatcher) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<OutboxMessage>> _written = [];
    private readonly ConditionalWeakTable<DbContext, List<OutboxMessage>> _awaitingCommit = [];

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ParasolDbContext db)
        {
            var rows = await planner.PlanAsync(db, cancellationToken);
            if (rows.Count > 0)
            {
                db.OutboxMessages.AddRange(rows);
                _written.AddOrUpdate(db, rows);
            }
        }
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, _written);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _written);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, _awaitingCommit);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, _awaitingCommit);
        return Task.CompletedTask;
    }

    private void AfterSave(DbContext? context)
    {
        if (context is null || !_written.TryGetValue(context, out var rows))
        {
            return;
        }
        _written.Remove(context);
        if (context.Database.CurrentTransaction is null)
        {
            dispatcher.Dispatch(rows);
        }
        else
        {
            _awaitingCommit.GetOrCreateValue(context).AddRange(rows);
        }
    }

    private void AfterCommit(DbContext? context)
    {
        if (context is not null && _awaitingCommit.TryGetValue(context, out var rows))
        {
            _awaitingCommit.Remove(context);
            dispatcher.Dispatch(rows);
        }
    }

    private static void Forget(DbContext? context, ConditionalWeakTable<DbContext, List<OutboxMessage>> table)
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
