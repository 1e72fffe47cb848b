using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Parasol.Core.Attachments;

/// <summary>Where the ClamAV daemon listens (section <c>Attachments:ClamAv</c>); no host means no scanning.</summary>
public sealed class ClamAvOptions
{
    public const string SectionName = "Attachments:ClamAv";

    public string? Host { get; set; }
    public int Port { get; set; } = 3310;
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Sends a stored upload to clamd (INSTREAM over TCP) before it is accepted. Fails closed: when clamd cannot be asked,
/// the upload is refused ("try again later") rather than taken unscanned. Logs carry no file names or contents.
/// </summary>
public sealed class AttachmentScanner(IAttachmentStore store, IOptions<ClamAvOptions> options, ILogger<AttachmentScanner> logger)
{
    private const int ChunkBytes = 64 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task<UploadProblem> ScanAsync(string storageKey, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return UploadProblem.None;
        }
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        string reply;
        try
        {
            reply = await AskAsync(storageKey, o, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Virus scanner at {Host}:{Port} unavailable ({Error}); upload refused", o.Host, o.Port, e.GetType().Name);
            return UploadProblem.ScanUnavailable;
        }
        if (reply.EndsWith(" OK", StringComparison.Ordinal))
        {
            return UploadProblem.None;
        }
        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            logger.LogWarning("Virus scanner found {Signature} in an upload; refused", reply["stream: ".Length..^" FOUND".Length]);
            return UploadProblem.Infected;
        }
        logger.LogWarning("Virus scanner at {Host}:{Port} answered with an error ({Reply}); upload refused", o.Host, o.Port, reply);
        return UploadProblem.ScanUnavailable;
    }

    private async Task<string> AskAsync(string storageKey, ClamAvOptions o, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(storageKey, cancellationToken)
            ?? throw new IOException("The upload to scan is not in the store.");
        using var client = new TcpClient();
        await client.ConnectAsync(o.Host!, o.Port, cancellationToken);
        await using var stream = client.GetStream();
        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), cancellationToken);
        var buffer = new byte[4 + ChunkBytes];
        int read;
        while ((read = await content.ReadAsync(buffer.AsMemory(4, ChunkBytes), cancellationToken)) > 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
            await stream.WriteAsync(buffer.AsMemory(0, 4 + read), cancellationToken);
        }
        BinaryPrimitives.WriteUInt32BigEndian(buffer, 0);
        await stream.WriteAsync(buffer.AsMemory(0, 4), cancellationToken);

        using var reply = new MemoryStream();
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0)
            {
                break;
            }
        }
        return Encoding.UTF8.GetString(reply.ToArray()).Trim();
    }
}
