using Microsoft.Extensions.Localization;
using Parasol.Core.Attachments;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>What a refused upload says, the same on every page that takes files.</summary>
public static class UploadMessages
{
    /// <summary>The message; <paramref name="sameAs"/> names the file already attached when the problem is a duplicate.</summary>
    public static string For(UploadProblem problem, AttachmentRules rules, IStringLocalizer l, string? sameAs = null) => problem switch
    {
        UploadProblem.Empty => l["The selected file is empty"],
        UploadProblem.TooLarge => l["The selected file must be smaller than {0} MB", rules.MaxFileBytes / (1024 * 1024)],
        UploadProblem.TypeNotAllowed => l["The selected file must be a PDF, JPG or PNG"],
        UploadProblem.Damaged => l["The selected file is damaged or incomplete. Open it to check, save it again and upload the new file"],
        UploadProblem.HiddenContent => l["The selected file contains something besides the document. Save or scan it again as a PDF, JPG or PNG and upload the new file"],
        UploadProblem.ActiveContent => l["The selected PDF contains JavaScript, an action or an embedded file, which we cannot accept. Print it to a new PDF or scan it, then upload that"],
        UploadProblem.TooManyFiles => l["You can add at most {0} files: remove one before adding another", rules.MaxFilesPerCase],
        UploadProblem.Infected => l["The selected file contains a virus and was not accepted. Do not open it again; scan the paper document or ask the sender for a new copy"],
        UploadProblem.StoreUnavailable => l["We could not save your file just now. Your answers are kept: try again in a few minutes"],
        UploadProblem.Interrupted => l["The selected file did not arrive whole: the connection broke off while it was being sent. Choose it and upload it again"],
        UploadProblem.Duplicate when sameAs is not null => l["The selected file is already attached as ‘{0}’: choose a different file", sameAs],
        UploadProblem.Duplicate => l["The selected file is already attached: choose a different file"],
        UploadProblem.ScanUnavailable => l["We cannot check files for viruses at the moment, so the file was not accepted. Please try again later"],
        _ => l["All files together must be smaller than {0} MB: remove a file or upload a smaller one", rules.MaxCaseBytes / (1024 * 1024)],
    };

    /// <summary>The message for an upload refused by <see cref="UploadLimiter"/>, whose window ends in <paramref name="minutes"/>.</summary>
    public static string OverLimit(int minutes, IStringLocalizer l) =>
        l["Too many files have been sent from your connection. The files already added are kept: wait {0} and upload this one again.", l.Minutes(minutes)];
}
