using Parasol.Core.Seeding;

namespace Parasol.Core.Tests.Seeding;

internal static class DemoFamiliesPesel
{
    public static string For(DateOnly born) => DemoFamilies.PeselFor(born, 123, female: true);
}
