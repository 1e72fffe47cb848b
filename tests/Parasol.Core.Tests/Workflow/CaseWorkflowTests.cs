using Parasol.Core.Cases;
using Parasol.Core.Staff;
using Parasol.Core.Workflow;

namespace Parasol.Core.Tests.Workflow;

public sealed class CaseWorkflowTests
{
    private const string C = StaffRole.RegistryClerk;
    private const string W = StaffRole.SocialWorker;
    private const string F = StaffRole.FamilyAssistant;
    private const string D = StaffRole.Director;

    /// <summary>The workflow as issue 5 states it, written out by hand so the code is checked against it.</summary>
    private static readonly Dictionary<(CaseStatus From, CaseStatus To), string[]> Expected = new()
    {
        [(CaseStatus.Received, CaseStatus.WithSocialWorker)] = [C, D],
        [(CaseStatus.Received, CaseStatus.Rejected)] = [C, D],
        [(CaseStatus.Received, CaseStatus.Merged)] = [C, D],
        [(CaseStatus.WithSocialWorker, CaseStatus.Merged)] = [C, D],
        [(CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned)] = [W],
        [(CaseStatus.InterviewPlanned, CaseStatus.InterviewDone)] = [W],
        [(CaseStatus.InterviewDone, CaseStatus.ProposalToDirector)] = [W],
        [(CaseStatus.InterviewDone, CaseStatus.Closed)] = [W, D],
        [(CaseStatus.ProposalToDirector, CaseStatus.AssistantAssigned)] = [D],
        [(CaseStatus.ProposalToDirector, CaseStatus.Refused)] = [D],
        [(CaseStatus.ProposalToDirector, CaseStatus.ReferredElsewhere)] = [D],
        [(CaseStatus.AssistantAssigned, CaseStatus.WorkWithFamily)] = [F, W],
        [(CaseStatus.WorkWithFamily, CaseStatus.Monitoring)] = [F, W],
        [(CaseStatus.WorkWithFamily, CaseStatus.Closed)] = [F, W, D],
        [(CaseStatus.Monitoring, CaseStatus.Closed)] = [F, W, D],
        [(CaseStatus.Received, CaseStatus.CompletionRequested)] = [C, W],
        [(CaseStatus.WithSocialWorker, CaseStatus.CompletionRequested)] = [C, W],
        [(CaseStatus.InterviewPlanned, CaseStatus.CompletionRequested)] = [C, W],
        [(CaseStatus.InterviewDone, CaseStatus.CompletionRequested)] = [C, W],
        [(CaseStatus.CompletionRequested, CaseStatus.Received)] = [C],
        [(CaseStatus.CompletionRequested, CaseStatus.WithSocialWorker)] = [C, W],
        [(CaseStatus.CompletionRequested, CaseStatus.LeftUnexamined)] = [W, D],
    };

    public static TheoryData<CaseStatus, CaseStatus, string> EveryStepByEveryRole()
    {
        var data = new TheoryData<CaseStatus, CaseStatus, string>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                foreach (var role in StaffRole.All)
                {
                    data.Add(from, to, role);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepByEveryRole))]
    public void A_step_is_allowed_exactly_when_the_workflow_lists_it_for_the_role(CaseStatus from, CaseStatus to, string role)
    {
        var expected = Expected.TryGetValue((from, to), out var roles) && roles.Contains(role);
        Assert.Equal(expected, CaseWorkflow.IsAllowed(from, to, new HashSet<string> { role }));
    }

    [Fact]
    public void The_code_lists_no_step_the_issue_does_not()
    {
        Assert.Equal(Expected.Keys.Order(), CaseWorkflow.Transitions.Select(t => (t.From, t.To)).Order());
    }

    [Fact]
    public void Closed_and_final_states_lead_nowhere()
    {
        foreach (var status in Enum.GetValues<CaseStatus>().Where(s => !s.IsOpen()))
        {
            Assert.Empty(CaseWorkflow.AllowedFrom(status, StaffRole.All.ToHashSet()));
        }
    }
}
