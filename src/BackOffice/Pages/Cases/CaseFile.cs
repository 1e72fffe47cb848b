using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Access;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Data;

namespace Parasol.BackOffice.Pages.Cases;

/// <summary>
/// What the case page shows, loaded through the person's access scope. The answers are the applicant's check page as it
/// was stored at submission (<see cref="Summary"/>); a case stored before that has only its raw answers (<see cref="Answers"/>).
/// </summary>
public sealed record CaseFile(Case Case, IReadOnlyDictionary<Guid, string> StaffNames, AnswerSummary? Summary, IReadOnlyList<(string Question, string Answer)> Answers)
{
    /// <summary>The case's files in the order they arrived, each with when and how it came.</summary>
    public IReadOnlyList<CaseAttachment> Files { get; } = CaseAttachment.Of(Case);

    public static async Task<CaseFile?> LoadAsync(ParasolDbContext db, StaffScope staff, Guid id, CancellationToken cancellationToken)
    {
        var c = await staff.Cases.AsNoTracking().AsSplitQuery()
            .Include(x => x.People.OrderBy(p => p.Position))
            .Include(x => x.Attachments.OrderBy(a => a.UploadedAt))
            .Include(x => x.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
            .Include(x => x.District)
            .Include(x => x.SocialWorker)
            .Include(x => x.FamilyAssistant)
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }
        var actorIds = c.Events.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, cancellationToken);
        var summary = AnswerSummary.FromJson(c.AnswerSummaryJson);
        return new CaseFile(c, names, summary, summary is null ? Flatten(c.AnswersJson) : []);
    }

    /// <summary>
    /// The applicant's answers as question/answer lines, nested objects joined with " › ", for cases stored without a
    /// summary. Empty answers and the journeys' bookkeeping are left out.
    /// </summary>
    private static List<(string, string)> Flatten(string json)
    {
        var lines = new List<(string, string)>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, "", lines);
        }
        catch (JsonException)
        {
            lines.Add(("", json));
        }
        return lines;
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => p.Name != "isEmpty"))
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path} › {property.Name}", lines);
                }
                break;
            case JsonValueKind.Array:
                var i = 1;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path} › {i++}", lines);
                }
                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String when string.IsNullOrWhiteSpace(element.GetString()):
                break;
            default:
                lines.Add((path, element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText()));
                break;
        }
    }
}

/// <summary>
/// An attached file as staff read it. Files sent with the case arrived when the case did (a journey uploads them before
/// the family sends it); a completion document arrived when the family sent the completion, the first
/// <see cref="CaseEventKind.CompletionReceived"/> at or after its upload.
/// </summary>
public sealed record CaseAttachment(Attachment File, DateTimeOffset ArrivedAt, bool InAnswerToCompletionRequest)
{
    public static IReadOnlyList<CaseAttachment> Of(Case c) =>
        [.. c.Attachments.Select(a => a.Kind == AttachmentKind.CompletionDocument
                ? new CaseAttachment(a, c.Events.Where(e => e.Kind == CaseEventKind.CompletionReceived && e.OccurredAt >= a.UploadedAt)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).Min() ?? a.UploadedAt, InAnswerToCompletionRequest: true)
                : new CaseAttachment(a, c.ReceivedAt, InAnswerToCompletionRequest: false))
            .OrderBy(a => a.ArrivedAt)];
}
