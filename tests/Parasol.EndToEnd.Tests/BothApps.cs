using Parasol.Testing;

namespace Parasol.EndToEnd.Tests;

/// <summary>The Portal and the BackOffice on real loopback ports over one database, as a browser sees them.</summary>
public sealed class BothApps : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public ParasolAppFactory<Parasol.Portal.SharedResource> Portal { get; private set; } = null!;
    public ParasolAppFactory<Parasol.BackOffice.SharedResource> BackOffice { get; private set; } = null!;
    public Uri PortalUrl { get; private set; } = null!;
    public Uri BackOfficeUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Portal = new ParasolAppFactory<Parasol.Portal.SharedResource>(_database);
        BackOffice = new ParasolAppFactory<Parasol.BackOffice.SharedResource>(_database);
        PortalUrl = Portal.StartOnRealPort();
        BackOfficeUrl = BackOffice.StartOnRealPort();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await BackOffice.DisposeAsync();
        await _database.DisposeAsync();
    }
}
