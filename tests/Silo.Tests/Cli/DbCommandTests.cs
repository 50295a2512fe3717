using Sora.Silo.Tests.Infrastructure;
using Sora.Silo.Tests.Postgres;

namespace Sora.Silo.Tests.Cli;

public sealed class DbCommandTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_the_schema_then_reports_it_up_to_date()
    {
        var (exit, output) = await SoraProcess.RunAsync("db", "migrate", "--postgres", _database.ConnectionString);
        Assert.Equal(0, exit);
        Assert.Contains("Applied: 001-orleans-queries.sql", output);

        (exit, output) = await SoraProcess.RunAsync("db", "migrate", "--postgres", _database.ConnectionString);
        Assert.Equal(0, exit);
        Assert.Contains("Schema is up to date.", output);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=postgres;Timeout=3")]
    [InlineData("this is not a connection string")]
    public async Task Migrate_against_a_bad_server_says_why_without_a_stack_trace(string connectionString)
    {
        var (exit, output) = await SoraProcess.RunAsync("db", "migrate", "--postgres", connectionString);
        Assert.Equal(1, exit);
        Assert.StartsWith("sora db migrate: ", output.Trim());
        Assert.DoesNotContain("   at ", output);
    }
}
