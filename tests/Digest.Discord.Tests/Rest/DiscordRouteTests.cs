using Digest.Discord.Rest;

namespace Digest.Discord.Tests.Rest;

public sealed class DiscordRouteTests
{
    [Theory]
    [InlineData("POST", "channels/123/messages", "POST /channels/123/messages", "channels/123")]
    [InlineData("PATCH", "channels/123/messages/456", "PATCH /channels/123/messages/{id}", "channels/123")]
    [InlineData("POST", "channels/123/messages/456/threads", "POST /channels/123/messages/{id}/threads", "channels/123")]
    [InlineData("PUT", "applications/77/commands", "PUT /applications/{id}/commands", "")]
    [InlineData("PUT", "applications/77/guilds/88/commands", "PUT /applications/{id}/guilds/88/commands", "guilds/88")]
    public void Major_parameters_are_kept_and_other_ids_replaced(string method, string path, string key, string major)
    {
        var route = DiscordRoute.Create(new HttpMethod(method), path);

        Assert.Equal(key, route.Key);
        Assert.Equal(key, route.LogName);
        Assert.Equal(major, route.MajorParameter);
    }

    [Fact]
    public void Tokens_in_the_path_are_hashed_in_the_key_and_masked_in_the_log_name()
    {
        var one = DiscordRoute.Create(HttpMethod.Post, "webhooks/99/secret-one");
        var two = DiscordRoute.Create(HttpMethod.Post, "webhooks/99/secret-two");

        Assert.Equal("POST /webhooks/99/{token}", one.LogName);
        Assert.DoesNotContain("secret", one.Key, StringComparison.Ordinal);
        Assert.NotEqual(one.Key, two.Key);
        Assert.StartsWith("webhooks/99/#", one.MajorParameter, StringComparison.Ordinal);
        Assert.False(one.ExemptFromGlobal);
    }

    [Fact]
    public void Interaction_callbacks_are_exempt_from_the_global_limit()
    {
        var route = DiscordRoute.Create(HttpMethod.Post, "interactions/5/tok/callback");

        Assert.Equal("POST /interactions/{id}/{token}/callback", route.LogName);
        Assert.True(route.ExemptFromGlobal);
    }
}
