namespace Parasol.Core.Mail;

/// <summary>One rendered e-mail, ready for delivery.</summary>
public sealed record MailContent(string To, string FromName, string FromAddress, string Subject, string Html, string Text, string MessageId);
