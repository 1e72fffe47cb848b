namespace Parasol.Core.Cases;

public enum CaseEventKind
{
    Received = 1,
    StatusChanged = 2,
    Routed = 3,
    Assigned = 4,
    NoteAdded = 5,
    EmailSent = 6,
    AttachmentAdded = 7,
    CompletionRequested = 8,
    CompletionReceived = 9,
    MarkedUrgent = 10,
    DeadlineFlagged = 11,

    /// <summary>Staff gave the applicant a new access code (the old one stopped working); internal, never with the code.</summary>
    AccessCodeReissued = 12,
}
