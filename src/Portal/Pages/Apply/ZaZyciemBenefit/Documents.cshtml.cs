using Parasol.Core.Attachments;
using Parasol.Core.Benefits;

namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

/// <summary>The diagnosis certificate always; the certificate of care from the 10th week of pregnancy from the mother only.</summary>
public sealed class DocumentsModel(AttachmentUploader uploader) : DocumentsPageModel<BenefitJourney, BenefitState>(uploader)
{
    public override IReadOnlyList<AttachmentKind> Kinds => NeedsCareCertificate
        ? [AttachmentKind.DiagnosisCertificate, AttachmentKind.MedicalCareCertificate, AttachmentKind.Other]
        : [AttachmentKind.DiagnosisCertificate, AttachmentKind.Other];

    protected override IReadOnlyList<AttachmentKind> RequiredKinds => NeedsCareCertificate
        ? [AttachmentKind.DiagnosisCertificate, AttachmentKind.MedicalCareCertificate]
        : [AttachmentKind.DiagnosisCertificate];

    private bool NeedsCareCertificate =>
        Enum.TryParse<BenefitApplicantRole>(State.Applicant.Role, out var role) && OneTimeBenefitRules.NeedsPregnancyCareCertificate(role);
}
