using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;
using Parasol.Core.Offices;
using Parasol.Core.Outbox;
using Parasol.Core.Time;

namespace Parasol.Core.Mail;

/// <summary>Writes the e-mail for an outbox row from the current data, in the recipient's language.</summary>
public sealed class MailRenderer(ParasolDbContext db, OfficeProfileService offices, OutboxSecrets secrets, IOptions<MailOptions> mailOptions, IOptions<LinkOptions> links)
{
    /// <summary>The e-mail, or null when it is no longer needed (e.g. a reminder after the documents arrived).</summary>
    public async Task<MailContent?> RenderAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var template = message.Template ?? throw new InvalidOperationException($"Outbox row {message.Id} has no template.");
        var c = message.CaseId is { } caseId ? await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId, cancellationToken) : null;
        if (template == MailTemplate.CompletionReminder && c?.Status != Cases.CaseStatus.CompletionRequested)
        {
            return null;
        }

        var to = message.RecipientEmail;
        var language = message.Language;
        if (message.RecipientStaffId is { } staffId)
        {
            var staff = await db.Users.AsNoTracking().SingleAsync(u => u.Id == staffId, cancellationToken);
            if (!staff.IsActive || string.IsNullOrEmpty(staff.Email))
            {
                return null;
            }
            to = staff.Email;
            language = "pl";
        }
        if (!MailTexts.Shared.ContainsKey(language) || !MailTexts.Texts.ContainsKey((template, language)))
        {
            language = "pl";
        }

        var office = await offices.GetAsync(cancellationToken);
        var culture = CultureInfo.GetCultureInfo(language == "uk" ? "uk-UA" : language == "en" ? "en-GB" : "pl-PL");
        var values = new Dictionary<string, string>
        {
            ["{number}"] = c?.Number ?? "",
            ["{date}"] = c is null ? "" : WarsawTime.ToWarsaw(c.ReceivedAt).ToString("d MMMM yyyy, HH:mm", culture),
            // The payload is the access code of a receipt (encrypted: OutboxSecrets), or the moment of the event a confirmation is about.
            ["{code}"] = template is MailTemplate.Receipt or MailTemplate.NewAccessCode ? secrets.Reveal(message.Payload) ?? "—" : "—",
            ["{at}"] = DateTimeOffset.TryParse(message.Payload, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? WarsawTime.ToWarsaw(at).ToString("d MMMM yyyy, HH:mm", culture) : "",
            ["{due}"] = c?.CompletionDueOn?.ToString("d MMMM yyyy", culture) ?? "",
            ["{office}"] = office.Name,
        };
        var text = MailTexts.Texts[(template, language)];
        var shared = MailTexts.Shared[language];
        string Fill(string s) => values.Aggregate(s, (acc, v) => acc.Replace(v.Key, v.Value, StringComparison.Ordinal));

        var forStaff = message.RecipientStaffId is not null;
        // Staff go straight to the case the message is about (after signing in); families to the status page.
        var link = !forStaff ? links.Value.PortalBaseUrl.TrimEnd('/') + $"/status?culture={language}"
            : links.Value.BackOfficeBaseUrl.TrimEnd('/') + (c is null ? "/" : $"/cases/{c.Id}");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{Enc(Fill(text.Subject))}</title></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Enc(shared.Greeting)}</p>");
        var paragraphs = template == MailTemplate.Receipt && c?.NeedsSignature == true
            ? [.. text.Paragraphs, MailTexts.SignatureNeeded[language]]
            : text.Paragraphs;
        foreach (var paragraph in paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Enc(Fill(paragraph))}</p>");
        }
        if (template is MailTemplate.StaffDailySummary or MailTemplate.DirectorDigest)
        {
            html.Append("<ul>");
            foreach (var line in (message.Payload ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{Enc(line)}</li>");
            }
            html.Append("</ul>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Enc(link)}\">{Enc(forStaff ? "Parasol" : shared.StatusLink)}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<footer><p>{Enc(office.Name)}<br>{Enc(office.Address.Street)} {Enc(office.Address.HouseNumber)}, {Enc(office.Address.PostalCode)} {Enc(office.Address.City)}<br>");
        html.Append(CultureInfo.InvariantCulture, $"{Enc(shared.Contact)}: {Enc(string.Join(", ", office.Phones))}, {Enc(office.Email)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Enc(shared.DoNotReply)}</p></footer></body></html>");
        var body = html.ToString();

        var from = string.IsNullOrWhiteSpace(mailOptions.Value.From) ? office.Email : mailOptions.Value.From;
        // The same Message-ID on every attempt lets a mail server drop a copy if a retry ever follows a lost acknowledgement.
        var messageId = $"outbox-{message.Id}@{from.Split('@').Last()}";
        return new MailContent(to!, office.Name, from, Fill(text.Subject), body, HtmlToText.Convert(body), messageId);
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
