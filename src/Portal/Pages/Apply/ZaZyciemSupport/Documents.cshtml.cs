using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

/// <summary>
/// The diagnosis certificate, or during pregnancy a document confirming it (art. 8 of the "Za życiem" act): one of the
/// two is needed; a pregnant woman with a prenatal diagnosis may send either, and so may a woman after a loss, whose
/// document confirming the pregnancy is often the hospital's discharge card.
/// </summary>
public sealed class DocumentsModel(AttachmentUploader uploader) : DocumentsPageModel<SupportJourney, SupportState>(uploader)
{
    public override IReadOnlyList<AttachmentKind> Kinds => State.IsPregnant || State.IsAfterLoss
        ? [AttachmentKind.PregnancyConfirmation, AttachmentKind.DiagnosisCertificate, AttachmentKind.Other]
        : [AttachmentKind.DiagnosisCertificate, AttachmentKind.Other];

    protected override IEnumerable<AttachmentKind> Missing(IReadOnlyList<Attachment> uploaded) =>
        uploaded.Any(a => a.Kind is AttachmentKind.DiagnosisCertificate or AttachmentKind.PregnancyConfirmation) ? [] : [Kinds[0]];
}
