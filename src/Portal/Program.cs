using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Parasol.Core;
using Parasol.Core.Jobs;
using Parasol.Core.Localization;
using Parasol.Core.Web;
using Parasol.Core.Web.Forms;
using Parasol.Portal;
using Parasol.Portal.Caching;
using Parasol.Portal.Outage;
using Parasol.Portal.Pages.Apply;
using Parasol.Portal.Preferences;

var builder = WebApplication.CreateBuilder(args);

builder.AddParasolPrivateLogging();
builder.Services.AddParasolCore(builder.Configuration);
builder.Services.AddParasolForwardedHeaders(builder.Configuration);
builder.Services.AddParasolHsts();
builder.Services.AddParasolHtmlEncoding();
builder.Services.AddParasolTypedText();
builder.Services.AddParasolKestrel();
builder.Services.AddParasolJobsClient(builder.Configuration);
builder.Services.AddParasolAntiforgery(builder.Environment, "parasol-csrf");
builder.Services.AddParasolPortal(builder.Configuration);
builder.Services.AddParasolApply(builder.Configuration);
builder.Services.AddParasolOutagePage();
builder.Services.AddParasolPublicPageCache();
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization(options =>
    options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new RequestCulture(ParasolCultures.Default);
    options.SupportedCultures = ParasolCultures.SupportedCultures;
    options.SupportedUICultures = ParasolCultures.SupportedCultures;
    // Query string first (the language switcher links), then the cookie it sets; never the browser's guess over a choice.
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

builder.Services.AddScoped<OlderCaseSummaries>();

var app = builder.Build();

// `Parasol.Portal summarize-older-cases`: once after an upgrade, the read-back staff see for cases stored before it was kept.
if (args.Length > 0 && args[0] == OlderCaseSummaries.Command)
{
    await using var scope = app.Services.CreateAsyncScope();
    var filled = await scope.ServiceProvider.GetRequiredService<OlderCaseSummaries>().FillAsync();
    Console.WriteLine($"{filled} older cases now carry the read-back of their answers.");
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
app.UseParasolPublicPageCache();
app.UseResponseCompression();
app.UseParasolStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
app.MapRazorPages();
app.MapPortalPreferences();

await app.RunAsync();

