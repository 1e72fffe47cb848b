using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parasol.Core.Attachments;

namespace Parasol.Core.Web;

/// <summary>
/// A request whose connection the network reset while its body was on the way (a phone losing its signal) ends there,
/// quietly: nobody is left to read an answer, and it is no fault of the office. Without this, what came after the failed
/// read — the form read again by model binding or by the error page, or Kestrel draining the rest of the body — met a
/// body whose read had broken off, and the office's log got errors ("Reading is already in progress", "An exception was
/// thrown attempting to execute the error handler") for every such family.
/// </summary>
/// <remarks>
/// The first read that fails with a reset ends the connection (<see cref="HttpContext.Abort"/>, which also spares
/// Kestrel its draining) and marks the request, synchronously: Kestrel cancels <see cref="HttpContext.RequestAborted"/>
/// a moment later on another thread, so the token cannot tell code that runs straight after. The exception goes on as it
/// was (the upload's own handling still sees a reset); whatever then escapes the request is let go here, inside the
/// error page's handler, at Debug.
/// </remarks>
public static partial class DroppedConnections
{
    /// <summary>Inside the exception handler: what a dropped request throws never reaches the error page.</summary>
    public static IApplicationBuilder UseDroppedConnections(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DroppedConnections));
        return app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true)
            {
                context.Request.Body = new ResetEndsRequest(context.Request.Body, context);
            }
            try
            {
                await next(context);
            }
            catch (Exception e) when (WasDropped(context))
            {
                LogDropped(logger, e);
            }
        });
    }

    /// <summary>Whether the request's connection was reset while its body was read (and has been ended).</summary>
    private static bool WasDropped(HttpContext context) => context.Features.Get<Dropped>() is not null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client's connection was reset while its request was read; the request ended there.")]
    private static partial void LogDropped(ILogger logger, Exception exception);

    private sealed class Dropped;

    /// <summary>The request body, ending the request's connection at the first read the network reset.</summary>
    private sealed class ResetEndsRequest(Stream inner, HttpContext context) : ReadOnlyForwardStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (ConnectionResetException)
            {
                context.Features.Set(new Dropped());
                context.Abort();
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // Kestrel refuses synchronous reads (AllowSynchronousIO is off); what it would say is said.
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    }
}
