using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Uploads per client address, the journeys' documents steps and the status page's completion together (section
/// <c>Apply:UploadLimit</c>, default 100 an hour): a family sends a few files, a school helping several families a few
/// dozen, while a script's files would fill the attachment store (they wait there until the journey sweep) so that no
/// family could attach its certificates; 100 files of at most 10 MB is at most ~1 GB an hour from one address. Taken
/// before the file is read, so a refused upload writes nothing. Counted in the database, so every Portal instance
/// shares the allowance.
/// </summary>
public sealed class UploadLimiter(IOptionsMonitor<AttemptLimitOptions> options, TimeProvider time)
    : AddressLimiter("upload", options.Get(SectionName), time)
{
    public const string SectionName = "Apply:UploadLimit";

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        Register<UploadLimiter>(services, configuration, SectionName, permitLimit: 100, windowMinutes: 60);
}
