using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class DocumentsModel(AttachmentUploader uploader) : DocumentsPageModel<FamilyAssistantJourney, FamilyAssistantState>(uploader);
