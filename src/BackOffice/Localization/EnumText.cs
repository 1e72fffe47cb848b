using Parasol.Core.Attachments;
using Parasol.Core.Audit;
using Parasol.Core.Cases;
using Parasol.Core.Queue;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Localization;

/// <summary>The English text (the resource key) for each value staff read; the views localize it.</summary>
public static class EnumText
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Received => "Received",
        CaseStatus.WithSocialWorker => "With a social worker",
        CaseStatus.InterviewPlanned => "Community interview planned",
        CaseStatus.InterviewDone => "Community interview done",
        CaseStatus.ProposalToDirector => "Proposal to the director",
        CaseStatus.AssistantAssigned => "Assistant assigned",
        CaseStatus.Refused => "Refused",
        CaseStatus.ReferredElsewhere => "Referred elsewhere",
        CaseStatus.WorkWithFamily => "Work with the family",
        CaseStatus.Monitoring => "Monitoring",
        CaseStatus.Closed => "Closed",
        CaseStatus.CompletionRequested => "Waiting for documents",
        CaseStatus.LeftUnexamined => "Left unexamined",
        CaseStatus.Rejected => "Rejected: not for this office",
        CaseStatus.Merged => "Merged into another case",
        _ => status.ToString(),
    };

    public static string Of(CaseType type) => type switch
    {
        CaseType.AssistantRequest => "Request for a family assistant",
        CaseType.ZaZyciemSupport => "“Za życiem” support",
        CaseType.OneTimeBenefit => "“Za życiem” one-time benefit",
        CaseType.Referral => "Referral",
        CaseType.AccessibilityRequest => "Accessibility request",
        _ => type.ToString(),
    };

    public static string Of(CaseSource source) => source switch
    {
        CaseSource.Family => "Family",
        CaseSource.School => "School",
        CaseSource.Court => "Court",
        CaseSource.HealthService => "Health service",
        CaseSource.Police => "Police",
        CaseSource.OtherInstitution => "Other institution",
        CaseSource.Staff => "Office staff",
        _ => source.ToString(),
    };

    /// <summary>What an attached document is, in the words of the acts that ask for it (DOMAIN.md).</summary>
    public static string Of(AttachmentKind kind) => kind switch
    {
        AttachmentKind.DiagnosisCertificate => "Medical certificate of a severe and irreversible impairment or an incurable life-threatening illness",
        AttachmentKind.PregnancyConfirmation => "Document confirming the pregnancy",
        AttachmentKind.MedicalCareCertificate => "Certificate from a doctor or midwife of medical care from no later than the 10th week of pregnancy until birth",
        AttachmentKind.CompletionDocument => "Document completing the application, asked for by the office",
        AttachmentKind.Other => "Other document",
        _ => kind.ToString(),
    };

    public static string Of(PersonRole role) => role switch
    {
        PersonRole.Applicant => "Applicant",
        PersonRole.Child => "Child",
        PersonRole.HouseholdMember => "Household member",
        _ => role.ToString(),
    };

    /// <summary>
    /// The person's relationship as the Portal's journeys store it (their answer's code); null when it is not one of
    /// those codes but text someone typed (a referral stores the child's school class here), which is shown as typed.
    /// </summary>
    public static string? OfRelationship(string? relationship) => relationship switch
    {
        "Parent" => "Parent",
        "Guardian" or "LegalGuardian" => "Legal guardian",
        "Pregnant" => "Pregnant woman",
        "AfterLoss" => "Woman after a pregnancy loss or the death of her child",
        "Relative" => "Other relative",
        "Child" => "Child",
        "Mother" => "Mother",
        "Father" => "Father",
        "AdoptingCarer" => "De facto carer who applied to adopt",
        _ => null,
    };

    public static string Of(QueueTab tab) => tab switch
    {
        QueueTab.New => "New",
        QueueTab.Mine => "Mine",
        QueueTab.MyDistricts => "My districts",
        QueueTab.WaitingForApplicant => "Waiting for the applicant",
        QueueTab.Overdue => "Overdue",
        QueueTab.All => "All",
        _ => tab.ToString(),
    };

    public static string Of(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Received => "Received",
        CaseEventKind.StatusChanged => "Status changed",
        CaseEventKind.Routed => "Routed",
        CaseEventKind.Assigned => "Assigned",
        CaseEventKind.NoteAdded => "Internal note",
        CaseEventKind.EmailSent => "E-mail sent",
        CaseEventKind.AttachmentAdded => "Attachment added",
        CaseEventKind.CompletionRequested => "Documents requested",
        CaseEventKind.CompletionReceived => "Documents received",
        CaseEventKind.MarkedUrgent => "Marked urgent",
        CaseEventKind.DeadlineFlagged => "Deadline flagged",
        CaseEventKind.AccessCodeReissued => "New access code given",
        _ => kind.ToString(),
    };

    public static string Of(AuditAction action) => action switch
    {
        AuditAction.CaseViewed => "Case viewed",
        AuditAction.AttachmentViewed => "Attachment viewed",
        AuditAction.AttachmentDownloaded => "Attachment downloaded",
        AuditAction.CaseChanged => "Case changed",
        AuditAction.Exported => "Export",
        AuditAction.StaffChanged => "Staff account changed",
        AuditAction.OfficeChanged => "Office profile changed",
        AuditAction.AccessRefused => "Access refused",
        AuditAction.PasswordChanged => "Own password changed",
        AuditAction.SignInBlocked => "Sign-in blocked",
        AuditAction.Searched => "Queue search",
        AuditAction.SignedOutEverywhere => "Signed out everywhere",
        AuditAction.TrustedBrowsersForgotten => "Trusted browsers forgotten",
        _ => action.ToString(),
    };

    public static string OfRole(string role) => role switch
    {
        StaffRole.RegistryClerk => "Registry clerk",
        StaffRole.SocialWorker => "Social worker",
        StaffRole.FamilyAssistant => "Family assistant",
        StaffRole.Director => "Director",
        StaffRole.Administrator => "Administrator",
        _ => role,
    };

    /// <summary>The button that takes a case to <paramref name="to"/>.</summary>
    public static string ActionTo(CaseStatus to) => to switch
    {
        CaseStatus.Received => "Documents received: back to the registry",
        CaseStatus.WithSocialWorker => "Documents received: back to the social worker",
        CaseStatus.InterviewPlanned => "Plan the community interview",
        CaseStatus.InterviewDone => "Record the community interview as done",
        CaseStatus.ProposalToDirector => "Propose an assistant to the director",
        CaseStatus.AssistantAssigned => "Assign an assistant",
        CaseStatus.Refused => "Refuse an assistant",
        CaseStatus.ReferredElsewhere => "Refer elsewhere",
        CaseStatus.WorkWithFamily => "Start work with the family",
        CaseStatus.Monitoring => "Move to monitoring",
        CaseStatus.Closed => "Close the case",
        CaseStatus.CompletionRequested => "Ask for missing documents",
        CaseStatus.LeftUnexamined => "Leave unexamined",
        CaseStatus.Rejected => "Reject: not for this office",
        CaseStatus.Merged => "Merge into an existing case",
        _ => to.ToString(),
    };
}
