using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Audit;
using Parasol.Core.Data;
using Parasol.Core.Offices;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Setup;

/// <summary>
/// <c>Parasol.BackOffice setup --office "…" --admin-email … --admin-name "First Last" [--short-name "…"]</c>: what a
/// new installation needs before anyone can use it, on a migrated, empty database. It adds the staff roles, an office
/// profile with the office's name and the standard JRWA classifications (the administrator completes the address,
/// phones, opening hours and data protection officer in Admin → Office before the portal is opened to families), and
/// the first administrator with a random first password, printed once. Safe to run again: what exists is kept, and an
/// existing account's password is never changed.
/// </summary>
public static class FirstSetup
{
    public const string Command = "setup";

    private const string Usage =
        "usage: Parasol.BackOffice setup --office \"<the office's full name>\" --admin-email <e-mail> --admin-name \"<first> <last>\" [--short-name \"<short name>\"]";

    // No 0/O, 1/l/I: the password is read off a terminal and typed once.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var options = Options(args);
        if (options is null
            || !options.TryGetValue("--office", out var office) || string.IsNullOrWhiteSpace(office)
            || !options.TryGetValue("--admin-email", out var email) || !email.Contains('@', StringComparison.Ordinal)
            || !options.TryGetValue("--admin-name", out var name) || name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is not [var first, var last])
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();

        foreach (var role in StaffRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
            }
        }

        if (await db.OfficeProfiles.AnyAsync(cancellationToken))
        {
            await output.WriteLineAsync("The office profile exists; it is left as it is (edit it in Admin → Office).");
        }
        else
        {
            db.OfficeProfiles.Add(new OfficeProfile
            {
                Name = office.Trim(),
                ShortName = options.TryGetValue("--short-name", out var shortName) && !string.IsNullOrWhiteSpace(shortName) ? shortName.Trim() : office.Trim(),
                FileClassifications = OfficeProfile.StandardFileClassifications(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await output.WriteLineAsync($"Office profile created for \"{office.Trim()}\". Complete it in Admin → Office before families use the portal.");
        }

        var member = await users.FindByEmailAsync(email);
        if (member is null)
        {
            member = new StaffMember { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FirstName = first, LastName = last, LockoutEnabled = true };
            var password = NewPassword();
            Check(await users.CreateAsync(member, password));
            Check(await users.AddToRoleAsync(member, StaffRole.Administrator));
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.WriteAsync(member.Id, AuditAction.StaffChanged, detail: "first administrator created by the setup command", cancellationToken: cancellationToken);
            await output.WriteLineAsync($"Administrator {email} created. First password (shown once): {password}");
            await output.WriteLineAsync("Sign in to the back office, set up the authenticator app, then add the office's staff in Admin → Staff.");
        }
        else if (!await users.IsInRoleAsync(member, StaffRole.Administrator))
        {
            Check(await users.AddToRoleAsync(member, StaffRole.Administrator));
            await output.WriteLineAsync($"{email} exists; it is now an administrator too (its password is unchanged).");
        }
        else
        {
            await output.WriteLineAsync($"{email} is already an administrator; nothing changed.");
        }
        return 0;
    }

    /// <summary>Twenty random letters and digits in four groups, with at least one digit, one capital and one small letter.</summary>
    internal static string NewPassword()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)).ToArray();
            var password = string.Join('-', groups);
            if (password.Any(char.IsDigit) && password.Any(char.IsUpper) && password.Any(char.IsLower))
            {
                return password;
            }
        }
    }

    private static Dictionary<string, string>? Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return null;
            }
            options[args[i]] = args[i + 1];
        }
        return options;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
