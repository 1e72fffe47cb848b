using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Parasol.Core.Tests.Jobs;

/// <summary>Stands in for Hangfire's client: remembers what was enqueued so the test can run it.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<Job> _jobs = [];

    public IReadOnlyList<Job> Jobs
    {
        get
        {
            lock (_jobs)
            {
                return [.. _jobs];
            }
        }
    }

    public string Create(Job job, IState state)
    {
        lock (_jobs)
        {
            _jobs.Add(job);
            return _jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    public void Clear()
    {
        lock (_jobs)
        {
            _jobs.Clear();
        }
    }
}
