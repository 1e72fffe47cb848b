namespace Parasol.Core.Jobs;

/// <summary>Background jobs, section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this host runs a Hangfire server (the BackOffice does; test hosts usually do not).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 4;

    /// <summary>LISTEN/NOTIFY, so a job enqueued anywhere starts at once; the enqueuing side must have it on too.</summary>
    public bool LongPolling { get; set; } = true;

    /// <summary>
    /// A job whose worker died (the process killed, the machine lost) is taken up again by another worker after this;
    /// a live worker keeps pushing it forward while the job runs, so a slow job is never taken twice.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public string SweepCron { get; set; } = "* * * * *";
    public string DeadlinesCron { get; set; } = "0 6 * * *";

    /// <summary>Deleting expired journeys and their unsent files: hourly.</summary>
    public string JourneySweepCron { get; set; } = "23 * * * *";

    /// <summary>Folding the queue's tally rows (one per case change) back into one per combination: every 10 minutes.</summary>
    public string QueueTallyCompactionCron { get; set; } = "*/10 * * * *";
}
