using Sora.Abstractions.Errors;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Social;

public sealed class FollowGraphTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private readonly SocialWorld _world = new(fixture.Grains);

    [Fact]
    public async Task Following_shows_on_both_profiles_and_unfollowing_takes_it_back()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");

        await _world.User(ben).FollowAsync(ann);
        await _world.User(ben).FollowAsync(ann);

        Assert.Equal(1, (await _world.User(ann).GetProfileAsync())!.FollowerCount);
        Assert.Equal(1, (await _world.User(ben).GetProfileAsync())!.FollowingCount);
        Assert.True((await _world.User(ben).GetRelationshipAsync(ann)).Follows);

        await _world.User(ben).UnfollowAsync(ann);
        Assert.Equal(0, (await _world.User(ann).GetProfileAsync())!.FollowerCount);
        Assert.False((await _world.User(ann).GetRelationshipAsync(ben)).FollowedBy);
    }

    [Fact]
    public async Task Blocking_cuts_the_follow_edges_both_ways_and_stops_new_ones()
    {
        var ann = await _world.PersonAsync("ann");
        var ben = await _world.PersonAsync("ben");
        await _world.User(ben).FollowAsync(ann);
        await _world.User(ann).FollowAsync(ben);

        await _world.User(ann).BlockAsync(ben);

        Assert.Equal(0, (await _world.User(ann).GetProfileAsync())!.FollowerCount);
        Assert.Equal(0, (await _world.User(ann).GetProfileAsync())!.FollowingCount);
        var error = await Assert.ThrowsAsync<DomainException>(() => _world.User(ben).FollowAsync(ann));
        Assert.Equal(ErrorCodes.Forbidden, error.Code);

        await _world.User(ann).UnblockAsync(ben);
        await _world.User(ben).FollowAsync(ann);
        Assert.Equal(1, (await _world.User(ann).GetProfileAsync())!.FollowerCount);
    }

    [Fact]
    public async Task Nobody_can_follow_themselves_or_someone_who_does_not_exist()
    {
        var ann = await _world.PersonAsync("ann");

        var self = await Assert.ThrowsAsync<DomainException>(() => _world.User(ann).FollowAsync(ann));
        Assert.Equal(ErrorCodes.BadUserInput, self.Code);
        var ghost = await Assert.ThrowsAsync<DomainException>(() => _world.User(ann).FollowAsync(Abstractions.Users.UserId.New()));
        Assert.Equal(ErrorCodes.NotFound, ghost.Code);
        Assert.Equal(0, (await _world.User(ann).GetProfileAsync())!.FollowingCount);
    }

    [Fact]
    public async Task Mutual_follows_made_at_the_same_moment_both_land()
    {
        var people = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _world.PersonAsync("p" + i)));

        await Task.WhenAll(from a in people from b in people where a != b select _world.User(a).FollowAsync(b))
            .WaitAsync(TimeSpan.FromSeconds(20));

        foreach (var person in people)
        {
            var profile = (await _world.User(person).GetProfileAsync())!;
            Assert.Equal(5, profile.FollowerCount);
            Assert.Equal(5, profile.FollowingCount);
        }
    }
}
