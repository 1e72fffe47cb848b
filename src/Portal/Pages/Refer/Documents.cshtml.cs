using Parasol.Core.Attachments;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

public sealed class DocumentsModel(AttachmentUploader uploader) : DocumentsPageModel<ReferralJourney, ReferralState>(uploader);
