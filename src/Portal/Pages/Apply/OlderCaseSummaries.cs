using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parasol.Core.Data;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Writes the read-back staff see (<see cref="Parasol.Core.Cases.Case.AnswerSummaryJson"/>) for cases stored before it
/// was kept, from their stored answers with the code that writes it at submission (<see cref="CaseSummaries"/>, as the
/// receipt reads them, into <see cref="StaffAnswerSummary"/>): the back office then shows an older case's answers as
/// its check page showed them. Run once after an upgrade (<c>Parasol.Portal summarize-older-cases</c>); a case already
/// carrying a read-back is never touched, so running it again changes nothing. Answers no journey can read back stay as
/// they are, and the back office reads them from their JSON.
/// </summary>
public sealed class OlderCaseSummaries(ParasolDbContext db, IStringLocalizer<SharedResource> l, ILogger<OlderCaseSummaries> logger)
{
    public const string Command = "summarize-older-cases";

    public async Task<int> FillAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking()
                .Where(c => c.AnswerSummaryJson == null && c.Id.CompareTo(after) > 0)
                .OrderBy(c => c.Id).Take(100)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }
            foreach (var c in batch)
            {
                if (Summarize(c) is not { } json)
                {
                    continue;
                }
                // Only while it is still missing; staff changing the case meanwhile do not touch this column.
                filled += await db.Cases.Where(x => x.Id == c.Id && x.AnswerSummaryJson == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.AnswerSummaryJson, json), cancellationToken);
            }
            after = batch[^1].Id;
        }
    }

    private string? Summarize(Parasol.Core.Cases.Case c)
    {
        try
        {
            var summary = StaffAnswerSummary.Of(localizer => CaseSummaries.For(c, localizer), l);
            return summary.ByLanguage.Values.Any(sections => sections.Count > 0) ? summary.ToJson() : null;
        }
        catch (JsonException)
        {
            logger.LogWarning("Case {CaseId}: its stored answers do not read as its journey's; left for the back office to read as they are", c.Id);
            return null;
        }
    }
}
