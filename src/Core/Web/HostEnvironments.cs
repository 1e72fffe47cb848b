using Microsoft.Extensions.Hosting;

namespace Parasol.Core.Web;

public static class HostEnvironments
{
    /// <summary>The environment the test hosts run in.</summary>
    public const string Testing = "Testing";

    /// <summary>
    /// A developer's machine or a test host: plain HTTP on loopback, and diagnostics that may show data. Everywhere else
    /// (Production, Staging, any other name) is treated as production.
    /// </summary>
    public static bool IsDevelopmentOrTesting(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}
