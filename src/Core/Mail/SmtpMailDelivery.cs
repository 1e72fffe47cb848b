using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Parasol.Core.Mail;

/// <summary>Delivers through an SMTP server with MailKit; TLS and authentication from <see cref="MailOptions"/>.</summary>
/// <remarks>
/// A connection that has just delivered a message is kept for the next one for a few seconds: a burst of e-mails (a
/// batch of receipts) goes over a few connections instead of a connect, greeting, TLS and sign-in for each. One the
/// server has closed in the meantime fails at the envelope, before the message is handed over, and the message then
/// goes over a new connection. (A server that drops the line after taking the body but before confirming it leaves the
/// message's fate unknown either way; sending it again is what the outbox's retry did and does.)
/// </remarks>
public sealed class SmtpMailDelivery(IOptions<MailOptions> options) : IMailDelivery, IDisposable
{
    /// <summary>How long an idle connection is kept; well under the few minutes servers usually allow.</summary>
    internal static readonly TimeSpan KeepIdle = TimeSpan.FromSeconds(10);

    private const int MaxIdle = 4;

    private readonly ConcurrentStack<(SmtpClient Client, long IdleSince)> _idle = new();

    public async Task SendAsync(MailContent mail, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId };
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();

        while (TakeIdle() is { } kept)
        {
            try
            {
                await kept.SendAsync(message, cancellationToken);
                KeepOrClose(kept);
                return;
            }
            catch (Exception error) when (ClosedWhileIdle(error))
            {
                // The server closed it while it waited; nothing was handed over on it.
                kept.Dispose();
            }
            catch
            {
                kept.Dispose();
                throw;
            }
        }

        var client = await ConnectAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        KeepOrClose(client);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            var security = Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true);
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private SmtpClient? TakeIdle()
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.Client.IsConnected && Stopwatch.GetElapsedTime(idle.IdleSince) < KeepIdle)
            {
                return idle.Client;
            }
            idle.Client.Dispose();
        }
        return null;
    }

    private void KeepOrClose(SmtpClient client)
    {
        if (client.IsConnected && _idle.Count < MaxIdle)
        {
            _idle.Push((client, Stopwatch.GetTimestamp()));
        }
        else
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// Failures of a kept connection that mean the line is gone (the server closed it while it waited). A refusal by the
    /// server (a command error: a recipient refused, a full mailbox) is not one, and is not tried again here.
    /// </summary>
    private static bool ClosedWhileIdle(Exception error) =>
        error is ServiceNotConnectedException or IOException
        || (error is SmtpProtocolException && error.InnerException is null or IOException);

    public void Dispose()
    {
        while (_idle.TryPop(out var idle))
        {
            idle.Client.Dispose();
        }
    }
}
