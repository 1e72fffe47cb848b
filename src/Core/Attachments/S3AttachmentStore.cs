using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Parasol.Core.Attachments;

/// <summary>
/// Keeps attachments as objects in one bucket of an S3-compatible server (MinIO in docker-compose), so several
/// Portal and BackOffice machines see the same files. An upload is first spooled to a temporary file, encrypted
/// (<see cref="EncryptedSpoolStream"/>): the size limit and the hash are checked before a single byte leaves the
/// machine, and the object appears whole or not at all.
/// </summary>
public sealed class S3AttachmentStore : IAttachmentStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3AttachmentStore(IOptions<AttachmentStoreOptions> options)
    {
        var s3 = options.Value.S3;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // Checksums only where S3 demands them: S3-compatible servers do not all know the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (string.IsNullOrWhiteSpace(s3.Endpoint))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
        }
        else
        {
            config.ServiceURL = s3.Endpoint;
            config.AuthenticationRegion = s3.Region;
        }
        _client = new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
        _bucket = s3.Bucket;
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        AttachmentKeys.Checked(key);
        // Encrypted under a key of its own that never leaves memory: the document is never on this disk in the clear.
        await using var spool = new EncryptedSpoolStream(new FileStream(
            Path.Combine(Path.GetTempPath(), $"parasol-upload-{Guid.NewGuid():N}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose));
        try
        {
            await content.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = spool,
                AutoCloseStream = false,
                UseChunkEncoding = false,
                ContentType = "application/octet-stream",
            }, cancellationToken);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            throw new AttachmentStoreUnavailableException(e);
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        AttachmentKeys.Checked(key);
        try
        {
            var response = await _client.GetObjectAsync(_bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        AttachmentKeys.Checked(key);
        await _client.DeleteObjectAsync(_bucket, key, cancellationToken);
    }

    public void Dispose() => _client.Dispose();
}
