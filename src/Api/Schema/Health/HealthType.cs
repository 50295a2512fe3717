using System.Reflection;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Sora.Api.Schema.Health;

/// <summary>Answered by this node alone, except <c>cluster</c>, which asks the cluster's membership.</summary>
public sealed class HealthType : ObjectGraphType
{
    public static string Version { get; } =
        typeof(HealthType).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public HealthType()
    {
        Name = "Health";
        Field<NonNullGraphType<StringGraphType>>("status").Description("\"ok\" while this node serves requests.").Resolve(_ => "ok");
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(_ => Version);
        Field<NonNullGraphType<StringGraphType>>("mode").Description("embedded or cluster")
            .Resolve(context => context.RequestServices!.GetRequiredService<SoraApiOptions>().Mode);
        Field<NonNullGraphType<ClusterType>>("cluster")
            .ResolveAsync(async context =>
            {
                var management = context.RequestServices!.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
                var hosts = await management.GetDetailedHosts(onlyActive: true);
                return (object?)hosts.Select(h => new SiloMember(h.SiloAddress.ToParsableString(), h.SiloName, h.Status.ToString())).ToList();
            });
    }
}

public sealed record SiloMember(string Address, string Name, string Status);

public sealed class ClusterType : ObjectGraphType<IReadOnlyList<SiloMember>>
{
    public ClusterType()
    {
        Name = "Cluster";
        Field<NonNullGraphType<IntGraphType>>("silos").Description("How many silos are active.").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SiloMemberType>>>>("members").Resolve(c => c.Source);
    }
}

public sealed class SiloMemberType : ObjectGraphType<SiloMember>
{
    public SiloMemberType()
    {
        Name = "SiloMember";
        Field(m => m.Address);
        Field(m => m.Name);
        Field(m => m.Status);
    }
}
