using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Testing;

namespace Parasol.Core.Tests.Cases;

public sealed class CaseNumberAllocatorTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seedDemoData: true);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_hundred_concurrent_submissions_get_two_hundred_consecutive_numbers()
    {
        await using var services = _database.CreateServices();
        var before = await LastNumberAsync(services, "4010");

        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => StorePlaceholderCaseAsync(services, CaseType.AssistantRequest))));

        var year = DateTime.UtcNow.Year;
        Assert.Equal(200, numbers.Distinct().Count());
        var sequences = numbers.Select(n => Sequence(n, year)).Order().ToList();
        Assert.Equal(Enumerable.Range(before + 1, 200), sequences);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        Assert.Equal(200, await db.Cases.CountAsync(c => numbers.Contains(c.Number)));
    }

    [Fact]
    public async Task A_case_saved_under_a_placeholder_holds_no_number_until_it_commits()
    {
        await using var services = _database.CreateServices();
        var before = await LastNumberAsync(services, "4013");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var id = Guid.CreateVersion7();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Cases.Add(NewCase(id, CaseType.Referral, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            Assert.Equal(CaseNumberAllocator.Placeholder(id), await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());

            // The counter is not locked while this transaction is open: another submission is numbered and committed
            // meanwhile (it would wait for this one's commit if the number were taken before it).
            var other = await StorePlaceholderCaseAsync(services, CaseType.Referral).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal($"OPS.4013.{before + 1}.{DateTime.UtcNow.Year}", other);

            await transaction.CommitAsync();
        }
        Assert.Equal($"OPS.4013.{before + 2}.{DateTime.UtcNow.Year}", await scope.ServiceProvider.GetRequiredService<CaseNumberAllocator>().NumberAtCommitAsync(id));
    }

    [Fact]
    public async Task A_rolled_back_submission_gives_its_number_back()
    {
        await using var services = _database.CreateServices();
        var before = await LastNumberAsync(services, "4013");

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Cases.Add(NewCase(Guid.CreateVersion7(), CaseType.Referral, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var next = await StorePlaceholderCaseAsync(services, CaseType.Referral);
        Assert.Equal($"OPS.4013.{before + 1}.{DateTime.UtcNow.Year}", next);
    }

    [Fact]
    public async Task A_case_received_on_new_years_eve_after_midnight_in_warsaw_counts_in_the_new_year()
    {
        await using var services = _database.CreateServices();
        // 23:30 UTC on 31 December is 00:30 on 1 January in Warsaw: the case belongs to the new year's register.
        var receivedAt = new DateTimeOffset(2030, 12, 31, 23, 30, 0, TimeSpan.Zero);

        var number = await StorePlaceholderCaseAsync(services, CaseType.OneTimeBenefit, receivedAt);

        Assert.Equal("OPS.4012.1.2031", number);
    }

    [Fact]
    public async Task Each_case_type_counts_in_its_own_symbol()
    {
        await using var services = _database.CreateServices();
        var benefit = await StorePlaceholderCaseAsync(services, CaseType.OneTimeBenefit);
        var support = await StorePlaceholderCaseAsync(services, CaseType.ZaZyciemSupport);
        Assert.StartsWith("OPS.4012.", benefit, StringComparison.Ordinal);
        Assert.StartsWith("OPS.4011.", support, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_saved_without_an_explicit_transaction_is_numbered_too()
    {
        await using var services = _database.CreateServices();
        var before = await LastNumberAsync(services, "4013");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var id = Guid.CreateVersion7();

        db.Cases.Add(NewCase(id, CaseType.Referral, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        Assert.Equal($"OPS.4013.{before + 1}.{DateTime.UtcNow.Year}", await scope.ServiceProvider.GetRequiredService<CaseNumberAllocator>().NumberAtCommitAsync(id));
    }

    [Theory]
    [InlineData(" ops.4010.17.2026 ", "OPS.4010.17.2026")]
    [InlineData("OPS.4010.17.2026", "OPS.4010.17.2026")]
    [InlineData("OPS.4010.017.2026", null)]
    [InlineData("OPS-4010-17-2026", null)]
    [InlineData("", null)]
    public void Typed_case_numbers_are_normalised(string input, string? expected) => Assert.Equal(expected, CaseNumber.Normalize(input));

    /// <summary>Saves a case as the submit does (under a placeholder, numbered at commit) and returns its number.</summary>
    private static async Task<string> StorePlaceholderCaseAsync(IServiceProvider services, CaseType type, DateTimeOffset? receivedAt = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var id = Guid.CreateVersion7();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Cases.Add(NewCase(id, type, receivedAt ?? DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return await scope.ServiceProvider.GetRequiredService<CaseNumberAllocator>().NumberAtCommitAsync(id)
            ?? throw new InvalidOperationException("The case was not stored.");
    }

    private static Case NewCase(Guid id, CaseType type, DateTimeOffset receivedAt) =>
        new() { Id = id, Number = CaseNumberAllocator.Placeholder(id), Type = type, Source = CaseSource.Family, ReceivedAt = receivedAt };

    private static async Task<int> LastNumberAsync(IServiceProvider services, string symbol)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        return await db.CaseNumberCounters.Where(c => c.Symbol == symbol && c.Year == DateTime.UtcNow.Year).Select(c => c.LastValue).SingleOrDefaultAsync();
    }

    private static int Sequence(string number, int year)
    {
        var parts = number.Split('.');
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[3]);
        return int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
