using Microsoft.AspNetCore.Identity;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Security;

/// <summary>A deactivated account cannot sign in (Identity asks this before every sign-in).</summary>
public sealed class ActiveStaffConfirmation : IUserConfirmation<StaffMember>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffMember> manager, StaffMember user) => Task.FromResult(user.IsActive);
}
