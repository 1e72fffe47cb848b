namespace Parasol.Core.Mail;

public enum MailTemplate
{
    Receipt = 1,
    CompletionRequest = 2,
    CompletionReminder = 3,
    OutcomeAssistantAssigned = 4,
    OutcomeRefused = 5,
    OutcomeReferredElsewhere = 6,
    AssignedToYou = 7,
    UrgentCase = 8,
    StaffDailySummary = 9,
    DirectorDigest = 10,
    CompletionReceived = 11,
    NewAccessCode = 12,
}
