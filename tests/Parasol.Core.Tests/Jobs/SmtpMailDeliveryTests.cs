using Microsoft.Extensions.Options;
using Parasol.Core.Mail;
using Parasol.Testing;

namespace Parasol.Core.Tests.Jobs;

/// <summary>The jobs' e-mail through MailKit to a real SMTP server (maildev) on loopback.</summary>
public sealed class SmtpMailDeliveryTests : IAsyncLifetime, IDisposable
{
    private Maildev _smtp = null!;
    private SmtpMailDelivery _delivery = null!;

    public async Task InitializeAsync()
    {
        _smtp = await Maildev.StartAsync();
        _delivery = new SmtpMailDelivery(Options.Create(new MailOptions
        {
            Host = "127.0.0.1",
            Port = _smtp.SmtpPort,
            Security = "None",
            TimeoutSeconds = 5,
        }));
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _delivery.Dispose();

    [Fact]
    public async Task A_burst_of_messages_arrives_whole_and_once_each()
    {
        var recipients = Enumerable.Range(1, 12).Select(i => $"rodzina{i}@example.test").ToList();

        await Task.WhenAll(recipients.Select(to => Task.Run(() => _delivery.SendAsync(Mail(to), CancellationToken.None))));

        var mails = await _smtp.WaitForAsync(recipients.Count);
        Assert.Equal(recipients.Order(), mails.Select(m => m.To).Order());
        Assert.All(mails, m => Assert.Equal("Potwierdzenie wpływu sprawy OPS.ZA.1/2026", m.Subject));
    }

    [Fact]
    public async Task After_the_server_restarts_the_next_message_still_goes_once()
    {
        await _delivery.SendAsync(Mail("pierwsza@example.test"), CancellationToken.None);
        await _smtp.WaitForAsync(1);

        // The connection kept from the first message is closed by the restart.
        await _smtp.StopAsync();
        await _smtp.StartAgainAsync();
        await _delivery.SendAsync(Mail("druga@example.test"), CancellationToken.None);

        var mails = await _smtp.WaitForAsync(2);
        Assert.Equal(["druga@example.test", "pierwsza@example.test"], mails.Select(m => m.To).Order());
    }

    private static MailContent Mail(string to) => new(
        to, "MOPS Lipowiec", "mops@example.test", "Potwierdzenie wpływu sprawy OPS.ZA.1/2026",
        "<p>Dziękujemy.</p>", "Dziękujemy.", $"<{Guid.NewGuid():N}@parasol.example.test>");
}
