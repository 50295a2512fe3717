using Microsoft.Extensions.DependencyInjection;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Transport;

public sealed class SchemaFileTests
{
    [Fact]
    public void The_checked_in_SDL_is_the_schema_the_server_serves()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSoraApi(new SoraApiOptions { DataDirectory = Directory.CreateTempSubdirectory("sora-sdl-").FullName })
            .BuildServiceProvider();
        var live = services.PrintSchema().ReplaceLineEndings("\n").Trim() + "\n";
        var path = Repository.Path("src", "Api", "schema.graphql");

        if (Environment.GetEnvironmentVariable("SORA_UPDATE_SCHEMA") == "1") File.WriteAllText(path, live);

        Assert.True(File.Exists(path), "src/Api/schema.graphql is missing; run the tests once with SORA_UPDATE_SCHEMA=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), live);
    }
}
