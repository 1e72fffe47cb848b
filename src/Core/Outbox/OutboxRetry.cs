namespace Parasol.Core.Outbox;

/// <summary>When to try a failed row again: quickly at first, then less often; given up after <see cref="MaxAttempts"/>.</summary>
public static class OutboxRetry
{
    public const int MaxAttempts = 10;

    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    public static void RecordFailure(OutboxMessage message, Exception error, DateTimeOffset now)
    {
        message.Attempts++;
        message.LastAttemptAt = now;
        message.LastError = $"{error.GetType().Name}: {error.Message}"[..Math.Min(2000, error.GetType().Name.Length + 2 + error.Message.Length)];
        message.DueAt = now + Delays[Math.Min(message.Attempts, Delays.Length) - 1];
        message.EnqueuedAt = null;
        message.Abandoned = message.Attempts >= MaxAttempts;
    }

    public static void RecordSuccess(OutboxMessage message, DateTimeOffset now)
    {
        message.Attempts++;
        message.LastAttemptAt = now;
        message.ProcessedAt = now;
        message.LastError = null;
        // The access code of a receipt lives only until the receipt is sent.
        message.Payload = null;
    }
}
