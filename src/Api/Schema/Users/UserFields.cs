using GraphQL;
using GraphQL.Types;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Users;
using Sora.Api.Auth;

namespace Sora.Api.Schema.Users;

/// <summary>Accounts, profiles and the follow graph.</summary>
internal static class UserFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<UserType>("me")
            .Description("The signed-in person; null when not signed in.")
            .ResolveAsync(async c => c.Viewer() is { } me ? await c.UserGrain(me).GetProfileAsync() : null);
        query.Field<NonNullGraphType<UserType>>("user")
            .Description("A person by handle (case-insensitive).")
            .Argument<NonNullGraphType<StringGraphType>>("handle")
            .ResolveAsync(async c => await c.Service<Accounts>().FindAsync(c.GetArgument<string>("handle")));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AuthPayloadType>>("signUp")
            .Description($"Creates an account. Passwords: at least {ProfileLimits.MinPasswordLength} characters.")
            .Argument<NonNullGraphType<StringGraphType>>("handle")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .Argument<NonNullGraphType<StringGraphType>>("displayName")
            .ResolveAsync(async c =>
            {
                var (token, user) = await c.Service<Accounts>().SignUpAsync(
                    c.GetArgument<string>("handle"), c.GetArgument<string>("password"), c.GetArgument<string>("displayName"));
                return new AuthPayload(token, user);
            });
        mutation.Field<NonNullGraphType<AuthPayloadType>>("signIn")
            .Description("Trades a handle and password for a bearer token. Attempts are limited per handle and per address.")
            .Argument<NonNullGraphType<StringGraphType>>("handle")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .ResolveAsync(async c =>
            {
                var (token, user) = await c.Service<Accounts>().SignInAsync(
                    c.GetArgument<string>("handle"), c.GetArgument<string>("password"), c.Caller().Address);
                return new AuthPayload(token, user);
            });
        mutation.Field<NonNullGraphType<UserType>>("updateProfile")
            .Argument<StringGraphType>("displayName")
            .Argument<StringGraphType>("bio")
            .Argument<BooleanGraphType>("allowRemixes", a => a.Description = "Whether others may remix your published videos.")
            .ResolveAsync(async c => await c.UserGrain(c.RequireUser()).UpdateProfileAsync(new ProfileChange(
                c.GetArgument<string?>("displayName"), c.GetArgument<string?>("bio"), c.GetArgument<bool?>("allowRemixes"))));

        AddEdge(mutation, "follow", "Follows a person; their new videos arrive in your FOLLOWING feed.", (me, target) => me.FollowAsync(target));
        AddEdge(mutation, "unfollow", "Stops following a person.", (me, target) => me.UnfollowAsync(target));
        AddEdge(mutation, "block", "Blocks a person: neither of you sees, follows, remixes or comments on the other's videos.", (me, target) => me.BlockAsync(target));
        AddEdge(mutation, "unblock", "Lifts a block.", (me, target) => me.UnblockAsync(target));
    }

    private static void AddEdge(ObjectGraphType mutation, string name, string description, Func<IUserGrain, UserId, Task> change) =>
        mutation.Field<NonNullGraphType<UserType>>(name)
            .Description(description + " Returns the other person's profile.")
            .Argument<NonNullGraphType<StringGraphType>>("handle")
            .ResolveAsync(async c =>
            {
                var me = c.RequireUser();
                var target = await c.Service<Accounts>().FindAsync(c.GetArgument<string>("handle"));
                await change(c.UserGrain(me), target.Id);
                return await c.UserGrain(target.Id).GetProfileAsync() ?? throw DomainException.NotFound("User");
            });
}
