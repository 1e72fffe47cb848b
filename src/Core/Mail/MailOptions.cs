namespace Parasol.Core.Mail;

/// <summary>SMTP delivery, section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (implicit TLS).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender; the office's own address when empty.</summary>
    public string? From { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Where e-mail links point, sections <c>Portal</c> and <c>BackOffice</c>.</summary>
public sealed class LinkOptions
{
    public string PortalBaseUrl { get; set; } = "http://127.0.0.1:5000";
    public string BackOfficeBaseUrl { get; set; } = "http://127.0.0.1:5001";
}
