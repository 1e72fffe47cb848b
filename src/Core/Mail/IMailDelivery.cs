namespace Parasol.Core.Mail;

public interface IMailDelivery
{
    Task SendAsync(MailContent mail, CancellationToken cancellationToken);
}
