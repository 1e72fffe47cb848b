using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Parasol.Testing;

/// <summary>
/// A client whose connections a test can reset, as a network does when a phone loses its signal at a gateway (an RST,
/// not a polite close), and a way to know when the app has finished with the requests it was serving.
/// </summary>
public sealed class DroppingNetwork : IDisposable
{
    private readonly ConcurrentQueue<Socket> _sockets = new();
    private readonly SocketsHttpHandler _handler;
    private readonly SemaphoreSlim _started = new(0);
    private readonly SemaphoreSlim _ended = new(0);

    public DroppingNetwork()
    {
        _handler = new SocketsHttpHandler
        {
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                _sockets.Enqueue(socket);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
    }

    /// <summary>A client for the app at <paramref name="app"/> whose connections go through this network.</summary>
    public HttpClient Connect(Uri app) => new(_handler, disposeHandler: false) { BaseAddress = app };

    /// <summary>
    /// Registered with the app (<c>ConfigureTestServices</c>): notes when the app starts on and finishes with the
    /// requests <paramref name="which"/> picks (by their request line and headers), for <see cref="SendAndResetAsync"/>.
    /// </summary>
    public void WatchRequests(IServiceCollection services, Func<HttpRequest, bool> which) =>
        services.AddSingleton<IStartupFilter>(new RequestsWatched(_started, _ended, which));

    /// <summary>Every connection the client opened (since the last reset) ends with a reset.</summary>
    public void ResetConnections()
    {
        while (_sockets.TryDequeue(out var socket))
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
    }

    /// <summary>
    /// Sends <paramref name="body"/> (the start of a request that never comes whole) and, once the app is waiting for
    /// the rest, resets the connection; returns when the app has finished with the request (it must be one
    /// <see cref="WatchRequests"/> watches) and the client has given up on it.
    /// </summary>
    public async Task SendAndResetAsync(HttpClient client, Uri to, StalledBody body)
    {
        using var leaving = new CancellationTokenSource();
        var sent = client.PostAsync(to, body, leaving.Token);
        await body.Sent.WaitAsync(TimeSpan.FromSeconds(30));
        // Reset only once the app has the request (a reset before would end a connection it never read from), and give
        // it a moment to be waiting for the rest of the body; a reset before its first read takes the same path.
        Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(30)), "The app never started on the request.");
        await Task.Delay(100);
        ResetConnections();
        Assert.True(await RequestEndedAsync(), "The app never finished with the request.");
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => sent);
    }

    /// <summary>Waits until the app has finished with one more of the requests <see cref="WatchRequests"/> watches.</summary>
    private Task<bool> RequestEndedAsync() => _ended.WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        _handler.Dispose();
        _started.Dispose();
        _ended.Dispose();
    }

    private sealed class RequestsWatched(SemaphoreSlim started, SemaphoreSlim ended, Func<HttpRequest, bool> which) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                var watched = which(context.Request);
                if (watched)
                {
                    started.Release();
                }
                try
                {
                    await inner(context);
                }
                finally
                {
                    if (watched)
                    {
                        ended.Release();
                    }
                }
            });
            next(app);
        };
    }
}

/// <summary>
/// A request body of which only <c>start</c> is sent, though it announces <c>length</c> bytes: the client then waits, as
/// one whose connection has stalled. <see cref="Sent"/> completes once the start has been handed to the network.
/// </summary>
public sealed class StalledBody : HttpContent
{
    private readonly byte[] _start;
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StalledBody(byte[] start, long length, string contentType)
    {
        _start = start;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Headers.ContentLength = length;
    }

    public Task Sent => _sent.Task;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_start, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        _sent.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Headers.ContentLength!.Value;
        return true;
    }
}
