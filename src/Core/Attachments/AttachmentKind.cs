namespace Parasol.Core.Attachments;

public enum AttachmentKind
{
    Other = 1,
    DiagnosisCertificate = 2,
    PregnancyConfirmation = 3,
    MedicalCareCertificate = 4,
    CompletionDocument = 5,
}
