using Microsoft.Extensions.Localization;
using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>What a refused upload says, the same on every page that takes files.</summary>
public static class UploadMessages
{
    public static string For(UploadProblem problem, AttachmentRules rules, IStringLocalizer l) => problem switch
    {
        UploadProblem.Empty => l["The selected file is empty"],
        UploadProblem.TooLarge => l["The selected file must be smaller than {0} MB", rules.MaxFileBytes / (1024 * 1024)],
        UploadProblem.TypeNotAllowed => l["The selected file must be a PDF, JPG or PNG"],
        _ => l["All files together must be smaller than {0} MB: remove a file or upload a smaller one", rules.MaxCaseBytes / (1024 * 1024)],
    };
}
