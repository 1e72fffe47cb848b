using System.Globalization;

namespace Parasol.Bench;

/// <summary>
/// CPU time spent by each part of the system between two snapshots, from /proc (user + system, in the kernel's clock
/// ticks of 10 ms): each named group is a set of processes picked by their id and command line, with their children
/// unless the group says otherwise, and the machine as a whole. Children that have already exited count too (a process's reaped children's time, as the
/// postmaster's for its finished backends). Linux only.
/// </summary>
public sealed class CpuAccount
{
    private const double MillisecondsPerTick = 10;

    private readonly IReadOnlyList<CpuGroup> _groups;
    private Dictionary<string, long> _start = [];
    private long _machineStart;

    public CpuAccount(IReadOnlyList<CpuGroup> groups) => _groups = groups;

    public void Start()
    {
        _start = Snapshot();
        _machineStart = MachineBusyTicks();
    }

    /// <summary>Milliseconds of CPU each group used since <see cref="Start"/>, and the whole machine's.</summary>
    public (IReadOnlyList<(string Name, double Milliseconds)> Groups, double Machine) Stop()
    {
        var end = Snapshot();
        var groups = _groups.Select(g => (g.Name, (end[g.Name] - _start.GetValueOrDefault(g.Name)) * MillisecondsPerTick)).ToList();
        return (groups, (MachineBusyTicks() - _machineStart) * MillisecondsPerTick);
    }

    private Dictionary<string, long> Snapshot()
    {
        var processes = new List<(int Pid, int Parent, string CommandLine, long Ticks, long ChildTicks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // After the command name in parentheses: state, ppid, ... utime (14th field), stime, cutime, cstime.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                processes.Add((pid, ParseInt(fields[1]), commandLine, Parse(fields[11]) + Parse(fields[12]), Parse(fields[13]) + Parse(fields[14])));
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        var byParent = processes.ToLookup(p => p.Parent);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in _groups)
        {
            var members = new Dictionary<int, long>();
            var pending = new Stack<(int Pid, int Parent, string CommandLine, long Ticks, long ChildTicks)>(processes.Where(p => group.IsRoot(p.Pid, p.CommandLine)));
            while (pending.TryPop(out var process))
            {
                if (members.TryAdd(process.Pid, process.Ticks + process.ChildTicks) && group.WithChildren)
                {
                    foreach (var child in byParent[process.Pid])
                    {
                        pending.Push(child);
                    }
                }
            }
            totals[group.Name] = members.Values.Sum();
        }
        return totals;
    }

    /// <summary>user + nice + system + irq + softirq + steal of every core, from the first line of /proc/stat.</summary>
    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => Parse(fields[i]));
    }

    private static int ParseInt(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static long Parse(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}

/// <summary>A part of the system: its root processes (picked by id and command line) and, unless told not to, their children.</summary>
public sealed record CpuGroup(string Name, Func<int, string, bool> IsRoot, bool WithChildren = true);
