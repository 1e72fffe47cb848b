using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>The BackOffice over its own fresh, demo-seeded database; one per test class.</summary>
public sealed class BackOfficeFactory : IAsyncLifetime
{
    public ParasolAppFactory<SharedResource> App { get; private set; } = null!;

    public async Task InitializeAsync() => App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
