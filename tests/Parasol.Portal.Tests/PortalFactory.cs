using Parasol.Testing;

namespace Parasol.Portal.Tests;

/// <summary>The Portal over its own fresh, demo-seeded database; one per test class.</summary>
public sealed class PortalFactory : IAsyncLifetime
{
    public ParasolAppFactory<SharedResource> App { get; private set; } = null!;

    public async Task InitializeAsync() => App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
