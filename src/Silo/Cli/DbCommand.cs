using System.CommandLine;
using Npgsql;
using Sora.Silo.Postgres;

namespace Sora.Silo.Cli;

/// <summary><c>sora db migrate</c>: apply the PostgreSQL schema of cluster mode (idempotent).</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string", Required = true };
        var migrate = new Command("migrate", "Create or update the cluster-mode schema in PostgreSQL") { postgres };
        migrate.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var applied = await PostgresSchema.ApplyAsync(parsed.GetValue(postgres)!, cancellationToken);
                Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : $"Applied: {string.Join(", ", applied)}");
                return 0;
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException)
            {
                // A wrong connection string or an unreachable server is the user's to fix: say what, not where in our code.
                Console.Error.WriteLine($"sora db migrate: {e.Message}");
                return 1;
            }
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
