using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Journeys;
using Parasol.Testing;

namespace Parasol.Core.Tests.Journeys;

public sealed class JourneyStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seedDemoData: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private sealed record Answers(string Name, int Children);

    [Fact]
    public async Task State_survives_a_new_service_provider_as_it_would_an_app_restart()
    {
        Guid id;
        await using (var first = Services())
        {
            await using var scope = first.CreateAsyncScope();
            id = await scope.ServiceProvider.GetRequiredService<JourneyStore>().StartAsync("family-assistant", new Answers("Ola", 2));
        }
        await using var second = Services();
        await using var scope2 = second.CreateAsyncScope();
        var state = await scope2.ServiceProvider.GetRequiredService<JourneyStore>().GetAsync<Answers>("family-assistant", id);
        Assert.Equal(new Answers("Ola", 2), state);
    }

    [Fact]
    public async Task State_expires_after_the_configured_hours_since_the_last_change()
    {
        await using var services = Services(expiryHours: "2");
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JourneyStore>();
        var id = await store.StartAsync("family-assistant", new Answers("Ola", 1));

        _time.Advance(TimeSpan.FromHours(1.5));
        await store.SaveAsync("family-assistant", id, new Answers("Ola", 3));
        _time.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(3, (await store.GetAsync<Answers>("family-assistant", id))!.Children);

        _time.Advance(TimeSpan.FromHours(0.6));
        Assert.Null(await store.GetAsync<Answers>("family-assistant", id));
        await Assert.ThrowsAsync<JourneyExpiredException>(() => store.SaveAsync("family-assistant", id, new Answers("Ola", 4)));
        Assert.Equal(1, await store.DeleteExpiredAsync());
    }

    [Fact]
    public async Task A_journey_id_never_opens_another_journeys_state()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JourneyStore>();
        var id = await store.StartAsync("family-assistant", new Answers("Ola", 1));

        Assert.Null(await store.GetAsync<Answers>("refer", id));
        Assert.Null(await store.GetAsync<Answers>("family-assistant", Guid.NewGuid()));
    }

    private ServiceProvider Services(string expiryHours = "24") => _database.CreateServices(services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.Configure<JourneyOptions>(o => o.ExpiryHours = double.Parse(expiryHours, System.Globalization.CultureInfo.InvariantCulture));
    });
}
