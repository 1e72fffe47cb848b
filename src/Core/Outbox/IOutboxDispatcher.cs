namespace Parasol.Core.Outbox;

/// <summary>Hands committed outbox rows to the job system. It must not throw: a row it misses is found by the sweep.</summary>
public interface IOutboxDispatcher
{
    void Dispatch(IReadOnlyCollection<OutboxMessage> messages);
}

/// <summary>For hosts without a job client (the migrate step, Core tests): rows wait for the sweep.</summary>
public sealed class NoOutboxDispatcher : IOutboxDispatcher
{
    public void Dispatch(IReadOnlyCollection<OutboxMessage> messages)
    {
    }
}
