using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The request body, keeping the bytes read from it while a form's first fields are looked at (at most
/// <c>limit</c>: past it the body seems to end), so that the look can be undone: after <see cref="Rewind"/> the body
/// reads again from its start, after <see cref="Forget"/> it passes through.
/// </summary>
internal sealed class RewindableBodyStart(Stream body, int limit) : ReadOnlyForwardStream
{
    private MemoryStream? _kept = new();
    private MemoryStream? _replay;

    public void Forget() => _kept = null;

    public void Rewind()
    {
        _replay = _kept;
        _replay?.Position = 0;
        _kept = null;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_replay is not null)
        {
            var replayed = _replay.Read(buffer.Span);
            if (replayed > 0)
            {
                return replayed;
            }
            _replay = null;
        }
        if (_kept is null)
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        var room = limit - (int)_kept.Length;
        if (room <= 0 || buffer.Length == 0)
        {
            return 0;
        }
        var read = await body.ReadAsync(buffer[..Math.Min(buffer.Length, room)], cancellationToken);
        _kept.Write(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The request body is read asynchronously.");
}
