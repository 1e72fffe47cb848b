using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Parasol.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build the context without starting a web app.</summary>
public sealed class ParasolDbContextFactory : IDesignTimeDbContextFactory<ParasolDbContext>
{
    public ParasolDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=127.0.0.1;Port=55432;Database=parasol;Username=postgres";
        var options = new DbContextOptionsBuilder<ParasolDbContext>();
        ParasolDatabase.Configure(options, connectionString);
        return new ParasolDbContext(options.Options);
    }
}
