namespace Parasol.Core.Jobs;

/// <summary>Hangfire queues by purpose; a server takes them in this order.</summary>
public static class JobQueues
{
    public const string Routing = "routing";
    public const string Notifications = "notifications";
    public const string Default = "default";
    public const string Maintenance = "maintenance";

    public static readonly string[] All = [Routing, Notifications, Default, Maintenance];
}
