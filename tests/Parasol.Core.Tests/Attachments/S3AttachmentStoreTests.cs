using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Testing;

namespace Parasol.Core.Tests.Attachments;

/// <summary>Starts one s3rver for the S3 store's tests.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public S3rver Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await S3rver.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class S3AttachmentStoreTests(S3rverFixture s3) : AttachmentStoreContract, IClassFixture<S3rverFixture>, IDisposable
{
    private readonly S3AttachmentStore _store = new(Options.Create(Bind(s3.Server.Settings)));

    protected override IAttachmentStore Store => _store;

    protected override IReadOnlyList<string> StoredFiles() =>
        Directory.GetFiles(s3.Server.DataDirectory, "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.GetTempPath(), "parasol-upload-*")).ToList();

    [Fact]
    public async Task The_setting_Attachments_Store_S3_selects_the_bucket()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(s3.Server.Settings)
        {
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddParasolCore(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IAttachmentStore>();
        var key = NewKey();

        await store.SaveAsync(key, new MemoryStream("%PDF-1.4"u8.ToArray()));

        Assert.IsType<S3AttachmentStore>(store);
        await using var direct = await _store.OpenReadAsync(key);
        Assert.NotNull(direct);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_reported_as_the_store_being_unavailable()
    {
        var settings = new Dictionary<string, string?>(s3.Server.Settings) { ["Attachments:S3:Endpoint"] = "http://127.0.0.1:9" };
        using var unreachable = new S3AttachmentStore(Options.Create(Bind(settings)));

        await Assert.ThrowsAsync<AttachmentStoreUnavailableException>(() => unreachable.SaveAsync(NewKey(), new MemoryStream([1, 2, 3])));
    }

    public void Dispose() => _store.Dispose();

    private static AttachmentStoreOptions Bind(IReadOnlyDictionary<string, string?> settings)
    {
        var options = new AttachmentStoreOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(AttachmentStoreOptions.SectionName).Bind(options);
        return options;
    }
}
