using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Parasol.Testing;

/// <summary>
/// A TCP relay on loopback between an app and the test database, to take PostgreSQL away and bring it back at a chosen
/// moment: <see cref="Cut"/> drops every open connection at once (the server rolls back whatever was in flight, as when
/// it crashes or the network fails) and refuses new ones until <see cref="Restore"/>.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Upstream)> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _down;

    public DatabaseOutage(TestDatabase database)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        _server = new IPEndPoint(IPAddress.Parse(target.Host == "localhost" ? "127.0.0.1" : target.Host!), target.Port);
        _listener.Start();
        target.Host = "127.0.0.1";
        target.Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        // Fail fast while the database is away, as an app configured for production would within its own timeouts.
        target.Timeout = 5;
        ConnectionString = target.ConnectionString;
        _accepting = AcceptAsync();
    }

    /// <summary>The database's connection string through the relay.</summary>
    public string ConnectionString { get; }

    public bool IsDown => _down;

    /// <summary>How many times <see cref="Cut"/> dropped at least one open connection.</summary>
    public int ConnectionsDropped { get; private set; }

    public void Cut()
    {
        _down = true;
        foreach (var (id, pair) in _open)
        {
            if (_open.TryRemove(id, out _))
            {
                Drop(pair.Client);
                Drop(pair.Upstream);
                ConnectionsDropped++;
            }
        }
    }

    public void Restore() => _down = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_down)
            {
                Drop(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        var id = Guid.NewGuid();
        try
        {
            await upstream.ConnectAsync(_server, _stop.Token);
            _open[id] = (client, upstream);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = client.GetStream().CopyToAsync(upstream.GetStream(), done.Token);
            var down = upstream.GetStream().CopyToAsync(client.GetStream(), done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(id, out _);
            Drop(client);
            Drop(upstream);
        }
    }

    /// <summary>Closes with a reset, as a crashed server or a broken network does, not with a polite goodbye.</summary>
    private static void Drop(TcpClient client)
    {
        // Cut and the relay's own ending may both drop a connection: the second finds its socket already gone.
        var socket = client.Client;
        try
        {
            if (socket is not null)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        client.Dispose();
    }
}
