using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Parasol.Core.Mail;

/// <summary>Delivers through an SMTP server with MailKit; TLS and authentication from <see cref="MailOptions"/>.</summary>
public sealed class SmtpMailDelivery(IOptions<MailOptions> options) : IMailDelivery
{
    public async Task SendAsync(MailContent mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId };
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var security = Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true);
        await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
