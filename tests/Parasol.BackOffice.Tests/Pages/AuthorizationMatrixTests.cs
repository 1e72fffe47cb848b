using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Seeding;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Tests.Pages;

/// <summary>
/// Every role and an anonymous visitor against every back-office page, every case of the demo set and every
/// attachment: each request is either allowed (200) or turned away (to sign-in, or to "access denied" with 403).
/// </summary>
public sealed class AuthorizationMatrixTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private static readonly string[] Pages =
        ["/", "/Audit", "/Admin/Staff", "/Admin/Staff/Edit", "/Admin/Office", "/Admin/Districts", "/Admin/Mail", "/Account/Security"];

    private static bool MayOpenPage(string page, IReadOnlyCollection<string> roles) => page switch
    {
        "/Audit" => roles.Contains(StaffRole.Director),
        "/Admin/Staff" or "/Admin/Staff/Edit" or "/Admin/Office" or "/Admin/Districts" or "/Admin/Mail" => roles.Contains(StaffRole.Administrator),
        // The administrator without a case role is sent on from the queue to the staff list.
        "/" => roles.Any(r => r != StaffRole.Administrator),
        _ => true,
    };

    public static TheoryData<string?> Everyone()
    {
        var data = new TheoryData<string?> { (string?)null };
        foreach (var account in DemoStaff.Accounts)
        {
            data.Add(account.Email);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Each_person_reaches_exactly_the_pages_cases_and_attachments_their_roles_allow(string? email)
    {
        var app = backOffice.App;
        var attachments = await EnsureAttachmentsAsync();
        using var client = email is null ? StaffSession.Anonymous(app) : await StaffSession.SignInAsync(app, email);
        await using var db = app.Database.CreateDbContext();
        var me = email is null ? null : await db.Users.Include(u => u.Districts).SingleAsync(u => u.Email == email);
        var roles = email is null ? [] : DemoStaff.Accounts.Single(a => a.Email == email).Roles;
        var myDistricts = me?.Districts.Select(d => d.Id).ToHashSet() ?? [];
        bool MaySee(Case c) => me is not null && (
            roles.Contains(StaffRole.RegistryClerk) || roles.Contains(StaffRole.Director) ||
            (roles.Contains(StaffRole.SocialWorker) && (c.SocialWorkerId == me.Id || (c.DistrictId is { } d && myDistricts.Contains(d)))) ||
            (roles.Contains(StaffRole.FamilyAssistant) && c.FamilyAssistantId == me.Id));

        var checks = new List<(string Path, bool Allowed)>();
        checks.AddRange(Pages.Select(p => (p, me is not null && MayOpenPage(p, roles))));
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        checks.AddRange(cases.Select(c => ($"/cases/{c.Id}", MaySee(c))));
        checks.AddRange(attachments.Select(a => ($"/cases/{a.CaseId}/attachments/{a.Id}?download=true", MaySee(cases.Single(c => c.Id == a.CaseId)))));
        // Guessing: an attachment asked for under another case, and ids that do not exist.
        checks.Add(($"/cases/{cases.First(c => c.Id != attachments[0].CaseId).Id}/attachments/{attachments[0].Id}", false));
        checks.Add(($"/cases/{Guid.NewGuid()}", false));

        var wrong = new List<string>();
        foreach (var (path, allowed) in checks)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var outcome = Outcome(response);
            var expected = allowed ? "allowed" : email is null ? "sign-in" : "denied";
            if (outcome != expected)
            {
                wrong.Add($"{path}: expected {expected}, got {outcome}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_social_worker_cannot_open_or_change_another_districts_case_by_its_id()
    {
        var app = backOffice.App;
        await using var db = app.Database.CreateDbContext();
        var jan = await db.Users.Include(u => u.Districts).SingleAsync(u => u.Email == "j.wisniewski@ops.example");
        var districts = jan.Districts.Select(d => d.Id).ToList();
        var elsewhere = await db.Cases.AsNoTracking().FirstAsync(c => c.DistrictId != null && !districts.Contains(c.DistrictId.Value)
            && c.SocialWorkerId != jan.Id && c.Status == CaseStatus.WithSocialWorker);
        using var client = await StaffSession.SignInAsync(app, jan.Email!);

        var view = await client.GetAsync(new Uri($"/cases/{elsewhere.Id}", UriKind.Relative));
        var change = await StaffSession.PostFormAsync(client, $"/cases/{elsewhere.Id}?handler=Status",
            new() { ["To"] = nameof(CaseStatus.InterviewPlanned) }, formPage: "/Account/Security");

        Assert.StartsWith("/Account/AccessDenied", StaffSession.Target(view)!, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", StaffSession.Target(change)!, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.WithSocialWorker, (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == elsewhere.Id)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.StaffId == jan.Id && a.CaseId == elsewhere.Id && a.Action == Core.Audit.AuditAction.AccessRefused));
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "allowed",
        HttpStatusCode.Redirect when StaffSession.Target(response)!.StartsWith("/Account/SignIn", StringComparison.Ordinal) => "sign-in",
        HttpStatusCode.Redirect when StaffSession.Target(response)!.StartsWith("/Admin/Staff", StringComparison.Ordinal) => "denied",
        HttpStatusCode.Redirect when StaffSession.Target(response)!.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) => "denied",
        HttpStatusCode.Forbidden => "denied",
        _ => $"{(int)response.StatusCode} {StaffSession.Target(response)}",
    };

    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>One PDF on a case in every district and with every assistant, stored through the real attachment store.</summary>
    private async Task<List<Attachment>> EnsureAttachmentsAsync()
    {
        await Once.WaitAsync();
        try
        {
            await using var db = backOffice.App.Database.CreateDbContext();
            if (await db.Attachments.AnyAsync())
            {
                return await db.Attachments.AsNoTracking().ToListAsync();
            }
            var store = backOffice.App.Services.GetRequiredService<IAttachmentStore>();
            var cases = (await db.Cases.AsNoTracking().ToListAsync())
                .GroupBy(c => (c.DistrictId, c.FamilyAssistantId)).Select(g => g.First()).ToList();
            foreach (var c in cases)
            {
                var key = Guid.NewGuid().ToString("N");
                await store.SaveAsync(key, new MemoryStream("%PDF-1.4 test"u8.ToArray()));
                db.Attachments.Add(new Attachment
                {
                    Id = Guid.CreateVersion7(),
                    CaseId = c.Id,
                    Kind = AttachmentKind.DiagnosisCertificate,
                    FileName = "zaswiadczenie.pdf",
                    ContentType = "application/pdf",
                    SizeBytes = 13,
                    Sha256 = new string('0', 64),
                    StorageKey = key,
                    UploadedAt = c.ReceivedAt,
                });
            }
            await db.SaveChangesAsync();
            return await db.Attachments.AsNoTracking().ToListAsync();
        }
        finally
        {
            Once.Release();
        }
    }
}
