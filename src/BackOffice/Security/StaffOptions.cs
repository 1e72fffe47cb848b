namespace Parasol.BackOffice.Security;

public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Every staff account signs in with an authenticator app; off only for the demo run and tests.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Minutes without a request after which a member of staff is signed out.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How often a signed-in session is checked against the account (sign-out everywhere, deactivation).</summary>
    public int SessionCheckSeconds { get; set; } = 60;
}
