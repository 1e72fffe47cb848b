using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Core.Data;

namespace Parasol.Testing;

/// <summary>
/// Stores a new case as the Portal's submit does: case number, the case and its Received event in one transaction, the
/// access code carried on the instance to the receipt e-mail.
/// </summary>
public static class TestCases
{
    public static async Task<Case> SubmitAsync(IServiceProvider services, Action<Case>? configure = null, TimeProvider? time = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var now = (time ?? scope.ServiceProvider.GetRequiredService<TimeProvider>()).GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        var c = new Case
        {
            Id = id,
            Number = CaseNumberAllocator.Placeholder(id),
            Type = CaseType.AssistantRequest,
            Source = CaseSource.Family,
            ReceivedAt = now,
            Language = "pl",
            FamilyAddress = new Address { Street = "3 Maja", HouseNumber = "36", PostalCode = "44-230", City = "Lipowiec" },
            ContactEmail = $"rodzina-{Guid.NewGuid():N}@example.test",
            IssuedAccessCode = "K7M2-QX9P",
            AccessCodeHash = "test",
        };
        configure?.Invoke(c);
        c.Events.Add(new CaseEvent { OccurredAt = now, Kind = CaseEventKind.Received, Text = "Wpłynęło przez portal.", IsInternal = false });
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        c.Number = await scope.ServiceProvider.GetRequiredService<CaseNumberAllocator>().NumberAtCommitAsync(c.Id)
            ?? throw new InvalidOperationException("The case was not stored.");
        return c;
    }
}
