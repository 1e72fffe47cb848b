using System.Net;
using System.Net.Sockets;

namespace Parasol.Testing;

/// <summary>
/// Ports on loopback that were free a moment ago, for servers the tests start as processes. Several are picked while all
/// are held, so they differ. A port is only free when it is picked: another test's server, or an outgoing connection
/// given it as its local port, may take it before the process binds it; callers start again on new ports when the
/// process exits at start.
/// </summary>
public static class LoopbackPorts
{
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
