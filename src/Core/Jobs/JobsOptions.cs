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

    public string SweepCron { get; set; } = "* * * * *";
    public string DeadlinesCron { get; set; } = "0 6 * * *";

    /// <summary>Deleting expired journeys and their unsent files: hourly.</summary>
    public string JourneySweepCron { get; set; } = "23 * * * *";
}
