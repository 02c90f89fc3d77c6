using System.Text;
using System.Text.Json.Nodes;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using static Digest.Discord.Tests.Sending.ChannelHarness;

namespace Digest.Discord.Tests.Sending;

public sealed class DiscordChannelTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 255];

    [Fact]
    public async Task Text_part_arrives_as_content_with_no_mentions_parsed()
    {
        await using var harness = await StartAsync();

        var result = await harness.Discord.SendAsync(Channel, Text("**Today** @everyone"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal($"/api/v10/channels/{Channel}/messages", request.Path);
        Assert.Equal("**Today** @everyone", request.Json!["content"]!.GetValue<string>());
        Assert.Empty(request.Json!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Photo_part_arrives_as_multipart_with_the_png_in_files_0()
    {
        await using var harness = await StartAsync();
        var part = new MessagePart(MessageFormat.DiscordMarkdown, "Categories and keywords", Png, "digest-chart.png");

        var result = await harness.Discord.SendAsync(Channel, part, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal(["payload_json", "files[0]"], request.Parts.Select(p => p.Name));
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(request.Part("payload_json")!.Content))!;
        Assert.Equal("Categories and keywords", payload["content"]!.GetValue<string>());
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
        var file = request.Part("files[0]")!;
        Assert.Equal("digest-chart.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Png, file.Content);
    }

    [Fact]
    public async Task Thread_name_opens_a_thread_on_the_sent_message_within_100_characters()
    {
        await using var harness = await StartAsync();
        var part = Text("Daily digest") with { ThreadName = "Digest — " + new string('x', 150) };

        var result = await harness.Discord.SendAsync(Channel, part, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var message = Assert.Single(harness.Server.RequestsTo("POST /channels/{id}/messages"));
        var thread = Assert.Single(harness.Server.RequestsTo("POST /channels/{id}/messages/{id}/threads"));
        Assert.Equal(201, thread.Status);
        Assert.StartsWith($"/api/v10/channels/{Channel}/messages/", thread.Path, StringComparison.Ordinal);
        Assert.True(message.ArrivedAt <= thread.ArrivedAt);
        var name = thread.Json!["name"]!.GetValue<string>();
        Assert.StartsWith("Digest — xxx", name, StringComparison.Ordinal);
        Assert.True(name.Length <= 100, $"{name.Length} characters");
    }

    [Fact]
    public async Task A_thread_that_cannot_be_opened_still_reports_sent_and_is_logged()
    {
        await using var harness = await StartAsync();
        harness.Server.FailNext("POST /channels/{id}/messages/{id}/threads", TestKit.Discord.DiscordError.MissingPermissions);

        var result = await harness.Discord.SendAsync(Channel, Text("Daily digest") with { ThreadName = "Digest" }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Single(harness.Server.RequestsTo("POST /channels/{id}/messages"));
        Assert.Contains(harness.Host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("thread", StringComparison.Ordinal) && l.Contains("50013", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_direct_message_gets_no_thread()
    {
        await using var harness = await StartAsync();
        await harness.Subscribers.SaveAsync(Subscriber.New("discord", Channel, ChatKind.Private, "someone", DateTimeOffset.UnixEpoch), CancellationToken.None);

        var result = await harness.Discord.SendAsync(Channel, Text("Daily digest") with { ThreadName = "Digest" }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Empty(harness.Server.RequestsTo("POST /channels/{id}/messages/{id}/threads"));
    }

    [Fact]
    public async Task A_webhook_destination_posts_through_its_webhook_and_never_the_bot_route()
    {
        await using var harness = await StartAsync();

        var text = await harness.Discord.SendAsync(WebhookChatId, Text("Daily digest") with { ThreadName = "Digest" }, CancellationToken.None);
        var photo = await harness.Discord.SendAsync(WebhookChatId, new MessagePart(MessageFormat.DiscordMarkdown, "Chart", Png, "chart.png"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, text.Outcome);
        Assert.Equal(SendOutcome.Sent, photo.Outcome);
        Assert.All(harness.Server.Requests, r => Assert.Equal("POST /webhooks/{id}/{token}", r.Route));
        Assert.All(harness.Server.Requests, r => Assert.Equal($"/api/v10/webhooks/{WebhookId}/{WebhookToken}", r.Path));
        Assert.All(harness.Server.Requests, r => Assert.Equal("?wait=true", r.Query));
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Empty(harness.Server.Requests[0].Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(Png, harness.Server.Requests[1].Part("files[0]")!.Content);
        Assert.DoesNotContain(harness.Host.Logs.Lines, l => l.Contains(WebhookToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_no_longer_configured_is_blocked_without_a_request()
    {
        await using var harness = await StartAsync();

        var result = await harness.Discord.SendAsync("webhook:1400000000000000999", Text("Daily digest"), CancellationToken.None);

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Empty(harness.Server.Requests);
    }

    private static MessagePart Text(string text) => new(MessageFormat.DiscordMarkdown, text);
}
