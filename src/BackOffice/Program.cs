using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Parasol.BackOffice;
using Parasol.BackOffice.Jobs;
using Parasol.BackOffice.Security;
using Parasol.BackOffice.Setup;
using Parasol.Core;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Localization;
using Parasol.Core.Staff;
using Parasol.Core.Web;
using Parasol.Core.Web.Forms;

// `Parasol.BackOffice key-certificate --out FILE`: a certificate to encrypt the data-protection keys with; no database needed.
if (args.Length > 0 && args[0] == KeyCertificateCommand.Command)
{
    Environment.ExitCode = KeyCertificateCommand.Run(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddParasolPrivateLogging();
builder.Services.AddParasolCore(builder.Configuration);
builder.Services.AddParasolForwardedHeaders(builder.Configuration);
builder.Services.AddParasolHsts();
builder.Services.AddParasolHtmlEncoding();
builder.Services.AddParasolTypedText();
builder.Services.AddParasolKestrel();
builder.Services.AddParasolJobsServer(builder.Configuration);
builder.Services.AddParasolAntiforgery(builder.Environment, "parasol-staff-csrf");
builder.Services
    .AddIdentity<StaffMember, IdentityRole<Guid>>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        // Identity's own lockout is left to the steps that need the password already (a wrong authenticator code, a
        // wrong current password on the Security page); wrong passwords at sign-in go to SignInAttempts (device cookies).
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    })
    .AddEntityFrameworkStores<ParasolDbContext>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/SignIn";
    options.LogoutPath = "/Account/SignOut";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "parasol-staff";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = SecurityHeaders.CookieSecure(builder.Environment);
    options.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Staff:IdleTimeoutMinutes", 30));
    options.SlidingExpiration = true;
});
// Identity's other cookies (the first step of a two-step sign-in) and TempData follow the staff cookie's rules.
builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
{
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = SecurityHeaders.CookieSecure(builder.Environment);
});
builder.Services.Configure<CookieTempDataProviderOptions>(options =>
{
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = SecurityHeaders.CookieSecure(builder.Environment);
});
builder.Services.AddParasolStaffSecurity(builder.Configuration);
builder.Services.AddParasolSignInProtection(builder.Configuration);
builder.Services.AddAuthorization();
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.AllowAnonymousToPage("/Error");
}).AddDataAnnotationsLocalization(options =>
    options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new RequestCulture(ParasolCultures.Default);
    options.SupportedCultures = ParasolCultures.SupportedCultures;
    options.SupportedUICultures = ParasolCultures.SupportedCultures;
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

var app = builder.Build();

// `Parasol.BackOffice migrate [--seed-demo]`: the explicit schema step run.sh uses; it never runs on a normal start.
if (args.Length > 0 && args[0] == "migrate")
{
    await DatabaseMigrator.MigrateAsync(app.Services, seedDemoData: args.Contains("--seed-demo"));
    return;
}

// `Parasol.BackOffice setup --office … --admin-email … --admin-name …`: a new installation's office and first administrator.
if (args.Length > 0 && args[0] == FirstSetup.Command)
{
    Environment.ExitCode = await FirstSetup.RunAsync(app.Services, args, Console.Out);
    return;
}

// `Parasol.BackOffice key-ring protect`: encrypts the keys stored before a certificate was configured, in place.
if (args.Length > 0 && args[0] == KeyRingCommand.Command)
{
    Environment.ExitCode = await KeyRingCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

app.UseParasolForwardedHeaders();
app.UseParasolExceptionPage(app.Environment);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseParasolSecurityHeaders();
app.UseRequestLocalization();
app.UseParasolStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseStaffSessionCheckFailures();
app.UseAuthorization();
app.UseParasolJobsDashboard();
app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
app.MapRazorPages();

await app.RunAsync();

