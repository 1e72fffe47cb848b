using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Time;
using Parasol.Core.Workflow;
using Parasol.Testing;

namespace Parasol.Core.Tests.Workflow;

public sealed class CaseWorkflowServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(CaseWorkflowService Workflow, StaffScope Staff, ParasolDbContext Db, AsyncServiceScope Scope)> AsAsync(string email)
    {
        var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var staff = await scope.ServiceProvider.GetRequiredService<CaseAccess>().ForStaffAsync(id);
        return (scope.ServiceProvider.GetRequiredService<CaseWorkflowService>(), staff, db, scope);
    }

    [Fact]
    public async Task A_clerk_assigns_a_new_case_the_worker_plans_and_records_the_interview_and_the_director_assigns_an_assistant()
    {
        var (clerkFlow, clerk, db, scope) = await AsAsync("kancelaria@ops.example");
        await using var _ = scope;
        var caseId = await db.Cases.Where(c => c.Status == CaseStatus.Received).Select(c => c.Id).FirstAsync();
        var worker = await db.Users.SingleAsync(u => u.Email == "a.kowalska@ops.example");

        Assert.True((await clerkFlow.AssignSocialWorkerAsync(clerk, caseId, worker.Id)).Succeeded);

        var (workerFlow, workerScope, _, s2) = await AsAsync("a.kowalska@ops.example");
        await using var __ = s2;
        Assert.True((await workerFlow.ChangeStatusAsync(workerScope, caseId, CaseStatus.InterviewPlanned)).Succeeded);
        Assert.True((await workerFlow.ChangeStatusAsync(workerScope, caseId, CaseStatus.InterviewDone)).Succeeded);
        Assert.True((await workerFlow.ChangeStatusAsync(workerScope, caseId, CaseStatus.ProposalToDirector)).Succeeded);

        var (directorFlow, director, db3, s3) = await AsAsync("dyrektor@ops.example");
        await using var ___ = s3;
        var assistant = (await directorFlow.FamilyAssistantsAsync()).First();
        Assert.True((await directorFlow.ChangeStatusAsync(director, caseId, CaseStatus.AssistantAssigned, assistantId: assistant.Id)).Succeeded);

        var saved = await db3.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStatus.AssistantAssigned, saved.Status);
        Assert.Equal(assistant.Id, saved.FamilyAssistantId);
        Assert.Equal(
            [CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned, CaseStatus.InterviewDone, CaseStatus.ProposalToDirector, CaseStatus.AssistantAssigned],
            saved.Events.Where(e => e.Kind == CaseEventKind.StatusChanged).OrderBy(e => e.Id).Select(e => e.NewStatus!.Value));
        Assert.Equal(2, saved.Events.Count(e => e.Kind == CaseEventKind.Assigned));
        Assert.Equal(5, await db3.AuditEntries.CountAsync(a => a.CaseId == caseId));
    }

    [Fact]
    public async Task A_forbidden_step_is_refused_with_a_message_and_changes_nothing()
    {
        var (flow, clerk, db, scope) = await AsAsync("kancelaria@ops.example");
        await using var _ = scope;
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.ProposalToDirector);

        var byRole = await flow.ChangeStatusAsync(clerk, c.Id, CaseStatus.AssistantAssigned);
        var byState = await flow.ChangeStatusAsync(clerk, c.Id, CaseStatus.Received);

        Assert.Equal("Your role may not move a case from “{0}” to “{1}”", byRole.Error);
        Assert.Equal("A case in the state “{0}” cannot move to “{1}”", byState.Error);
        Assert.Equal(CaseStatus.ProposalToDirector, (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id)).Status);
    }

    [Fact]
    public async Task A_completion_request_needs_a_deadline_at_least_seven_days_away()
    {
        var (flow, clerk, db, scope) = await AsAsync("kancelaria@ops.example");
        await using var _ = scope;
        var caseId = await db.Cases.Where(c => c.Status == CaseStatus.Received).Select(c => c.Id).FirstAsync();
        var today = WarsawTime.Today(TimeProvider.System);

        var tooSoon = await flow.ChangeStatusAsync(clerk, caseId, CaseStatus.CompletionRequested, completionDueOn: today.AddDays(6));
        var inAWeek = await flow.ChangeStatusAsync(clerk, caseId, CaseStatus.CompletionRequested, completionDueOn: today.AddDays(7));

        Assert.Equal("The completion deadline must be at least {0} days away, on {1} or later", tooSoon.Error);
        Assert.True(inAWeek.Succeeded);
        var saved = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(today.AddDays(7), saved.CompletionDueOn);
        Assert.Contains(saved.Events, e => e.Kind == CaseEventKind.CompletionRequested);
    }

    [Fact]
    public async Task The_director_cannot_give_an_assistant_more_families_than_the_cap()
    {
        var (flow, director, db, scope) = await AsAsync("dyrektor@ops.example");
        await using var _ = scope;
        var assistant = (await flow.FamilyAssistantsAsync()).First();
        var template = await db.Cases.AsNoTracking().FirstAsync();
        for (var i = await db.Cases.CountAsync(c => c.FamilyAssistantId == assistant.Id && CaseWorkflowService.ActiveFamilyStatuses.Contains(c.Status)); i < 15; i++)
        {
            db.Cases.Add(new Case { Id = Guid.CreateVersion7(), Number = $"TEST.{i}", Status = CaseStatus.WorkWithFamily, FamilyAssistantId = assistant.Id, ReceivedAt = template.ReceivedAt });
        }
        await db.SaveChangesAsync();
        var proposal = await db.Cases.Where(c => c.Status == CaseStatus.ProposalToDirector).Select(c => c.Id).FirstAsync();

        var result = await flow.ChangeStatusAsync(director, proposal, CaseStatus.AssistantAssigned, assistantId: assistant.Id);

        Assert.Equal("{0} already works with {1} families, the most allowed; choose another assistant", result.Error);
        Assert.Equal(15, result.Arguments[1]);
    }
}
