using System.Security.Claims;
using Parasol.Core.Access;

namespace Parasol.BackOffice.Security;

/// <summary>The signed-in member of staff as Core's access rules see them, loaded once per request.</summary>
public sealed class CurrentStaff(IHttpContextAccessor http, CaseAccess access)
{
    private StaffScope? _scope;

    public Guid Id => Guid.Parse(http.HttpContext!.User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<StaffScope> GetAsync(CancellationToken cancellationToken = default) =>
        _scope ??= await access.ForStaffAsync(Id, cancellationToken);
}
