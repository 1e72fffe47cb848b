using Parasol.Core.Access;
using Parasol.Core.Attachments;
using Parasol.Core.Districts;
using Parasol.Core.Staff;

namespace Parasol.Core.Cases;

/// <summary>One matter brought to the office: a family's request, a "Za życiem" application or a referral.</summary>
public sealed class Case : ICaseAssignment
{
    public Guid Id { get; set; }

    /// <summary>The case number as people read it, e.g. <c>OPS.4010.17.2026</c>.</summary>
    public string Number { get; set; } = "";

    public CaseType Type { get; set; }
    public CaseSource Source { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Received;
    public bool IsUrgent { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The language the applicant chose; e-mails and the status page use it.</summary>
    public string Language { get; set; } = "pl";

    public Address? FamilyAddress { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public ReferringInstitution? ReferringInstitution { get; set; }

    /// <summary>A Niebieska Karta procedure is open or may be needed; Parasol records the flag only.</summary>
    public bool BlueCard { get; set; }

    /// <summary>A formal KPA application submitted online still needs a signature (ePUAP or on paper).</summary>
    public bool NeedsSignature { get; set; }

    /// <summary>The answers as the applicant gave them, kept verbatim as JSON for the case file.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>
    /// The same answers as the applicant's check page read them back, for staff to read (<see cref="AnswerSummary"/>);
    /// null for cases stored before it was kept.
    /// </summary>
    public string? AnswerSummaryJson { get; set; }

    /// <summary>Hash of the secret access code for the status page; the code itself is never stored.</summary>
    public string? AccessCodeHash { get; set; }

    /// <summary>
    /// The access code in clear, only on the instance that issued it and never stored: the receipt page shows it and
    /// the receipt e-mail is written from it in the same save. It is gone once the request ends.
    /// </summary>
    public string? IssuedAccessCode { get; set; }

    /// <summary>Idempotency key of the submission that created the case: a repeated POST finds it.</summary>
    public Guid? SubmissionKey { get; set; }

    public Guid? DistrictId { get; set; }
    public District? District { get; set; }

    public Guid? SocialWorkerId { get; set; }
    public StaffMember? SocialWorker { get; set; }

    public Guid? FamilyAssistantId { get; set; }
    public StaffMember? FamilyAssistant { get; set; }

    /// <summary>The KPA art. 35 deadline, recomputed when the clock pauses or restarts.</summary>
    public DateOnly? DecisionDueOn { get; set; }
    public DateOnly? InterviewDueOn { get; set; }
    public DateOnly? CompletionDueOn { get; set; }

    /// <summary>While the case is in monitoring: when monitoring ends (set by the daily deadline job).</summary>
    public DateOnly? MonitoringEndsOn { get; set; }

    public Guid? MergedIntoCaseId { get; set; }

    public uint Version { get; set; }

    public List<CasePerson> People { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
}
