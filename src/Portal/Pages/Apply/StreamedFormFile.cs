using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The one file of an upload form, still in the request body: <see cref="StreamUploadAttribute"/> read the form up
/// to it, and the handler streams it straight to the attachment store. Nothing of it is written anywhere else, so a
/// family's document never lies unencrypted in the server's temporary directory. It can be read once.
/// </summary>
internal sealed class StreamedFormFile : IFormFile
{
    private readonly MultipartReader _reader;
    private readonly Stream _section;
    private bool _restChecked;

    public StreamedFormFile(MultipartReader reader, MultipartSection section, FileMultipartSection file)
    {
        _reader = reader;
        _section = section.Body;
        Name = file.Name;
        FileName = file.FileName;
        Headers = new HeaderDictionary(section.Headers);
    }

    public string Name { get; }
    public string FileName { get; }
    public IHeaderDictionary Headers { get; }
    public string ContentType => Headers.ContentType.ToString();
    public string ContentDisposition => Headers.ContentDisposition.ToString();

    /// <summary>
    /// Not known before the file has been read, so 0: the uploader counts what it reads, and the model binder skips a
    /// file of length 0 only when it also has no name, which this one always has.
    /// </summary>
    public long Length => 0;

    public Stream OpenReadStream() => new FileSectionStream(_section, this);

    public void CopyTo(Stream target) => throw new NotSupportedException("The file is in the request body, which is read asynchronously.");

    public async Task CopyToAsync(Stream target, CancellationToken cancellationToken = default)
    {
        await using var content = OpenReadStream();
        await content.CopyToAsync(target, cancellationToken);
    }

    /// <summary>
    /// Reads past the file to the end of the body and throws <see cref="MoreThanOneFileException"/> if another file
    /// follows. Runs by itself when the file is read to its end, before the store keeps anything, so a second file
    /// refuses the upload whole, as the buffered form did.
    /// </summary>
    public async Task ReadRestAsync(CancellationToken cancellationToken)
    {
        if (_restChecked)
        {
            return;
        }
        _restChecked = true;
        await _section.CopyToAsync(Stream.Null, cancellationToken);
        while (await _reader.ReadNextSectionAsync(cancellationToken) is { } next)
        {
            if (next.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
            {
                throw new MoreThanOneFileException();
            }
            await next.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
    }

    /// <summary>The file section's body; at its end it checks the rest of the request body.</summary>
    private sealed class FileSectionStream(Stream section, StreamedFormFile file) : ReadOnlyForwardStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await section.ReadAsync(buffer, cancellationToken);
            if (read == 0 && buffer.Length > 0)
            {
                await file.ReadRestAsync(cancellationToken);
            }
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("The file is in the request body, which is read asynchronously.");
    }
}

/// <summary>The request carried a second file after the one being uploaded.</summary>
internal sealed class MoreThanOneFileException() : Exception("The form carried more than one file.");
