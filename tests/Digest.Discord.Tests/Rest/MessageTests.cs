using System.Text;
using System.Text.Json.Nodes;
using Digest.Discord.Rest;
using Digest.Discord.Tests.TestSupport;

namespace Digest.Discord.Tests.Rest;

public sealed class MessageTests
{
    private const string Channel = "1200000000000000001";

    [Fact]
    public async Task Message_arrives_with_its_content_and_no_mentions_parsed()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var sent = await host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("Today's digest @everyone"));

        var request = Assert.Single(host.Server.RequestsTo("POST /channels/{id}/messages"));
        Assert.Equal("Today's digest @everyone", request.Json!["content"]!.GetValue<string>());
        Assert.Empty(request.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("DiscordBot (https://github.com/digest-news/digest, 1.0)", request.Headers["User-Agent"]);
        Assert.Equal(Channel, sent.ChannelId);
        Assert.True(ulong.Parse(sent.Id, System.Globalization.CultureInfo.InvariantCulture) > 1UL << 22, "a snowflake");
    }

    [Fact]
    public async Task Embeds_flags_and_reply_are_carried()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var embeds = new JsonArray(new JsonObject { ["title"] = "Must read", ["description"] = "Ping <@&123> here" });

        await host.Client.CreateMessageAsync(Channel, new DiscordMessageContent(null)
        {
            Embeds = embeds,
            Flags = DiscordMessageFlags.SuppressEmbeds,
            ReplyToMessageId = "1300000000000000001",
        });

        var body = Assert.Single(host.Server.Requests).Json!;
        Assert.Equal("Must read", body["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(4, body["flags"]!.GetValue<int>());
        Assert.Equal("1300000000000000001", body["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Files_arrive_as_payload_json_and_files_0_intact()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 255 };
        var message = new DiscordMessageContent("Chart")
        {
            Embeds = new JsonArray(new JsonObject { ["image"] = new JsonObject { ["url"] = "attachment://chart.png" } }),
        };

        var sent = await host.Client.CreateMessageAsync(Channel, message, [new DiscordFile("chart.png", png, "image/png") { Description = "scores" }]);

        var request = Assert.Single(host.Server.Requests);
        Assert.StartsWith("multipart/form-data", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(["payload_json", "files[0]"], request.Parts.Select(p => p.Name));
        Assert.StartsWith("application/json", request.Part("payload_json")!.ContentType, StringComparison.Ordinal);
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(request.Part("payload_json")!.Content))!;
        Assert.Equal("Chart", payload["content"]!.GetValue<string>());
        Assert.Equal(0, payload["attachments"]![0]!["id"]!.GetValue<int>());
        Assert.Equal("chart.png", payload["attachments"]![0]!["filename"]!.GetValue<string>());
        Assert.Equal("scores", payload["attachments"]![0]!["description"]!.GetValue<string>());
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
        var file = request.Part("files[0]")!;
        Assert.Equal("chart.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(png, file.Content);
        Assert.Equal(Channel, sent.ChannelId);
    }

    [Fact]
    public async Task Edit_changes_a_sent_message_and_a_thread_starts_on_it()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var sent = await host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("Draft"));

        var edited = await host.Client.EditMessageAsync(Channel, sent.Id, new DiscordMessageContent("Final"));
        var thread = await host.Client.CreateThreadFromMessageAsync(Channel, sent.Id, "Discuss today's digest", autoArchiveMinutes: 1440);

        Assert.Equal("Final", edited.Content);
        Assert.Equal(sent.Id, edited.Id);
        var patch = Assert.Single(host.Server.RequestsTo("PATCH /channels/{id}/messages/{id}"));
        Assert.Empty(patch.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(sent.Id, thread.Id);
        Assert.Equal(11, thread.Type);
        Assert.Equal(Channel, thread.ParentId);
        Assert.Equal(1440, Assert.Single(host.Server.RequestsTo("POST /channels/{id}/messages/{id}/threads")).Json!["auto_archive_duration"]!.GetValue<int>());
    }

    [Fact]
    public async Task Webhook_is_executed_with_wait_and_answers_the_message()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var sent = await host.Client.ExecuteWebhookAsync("1400000000000000001", "hook-secret_token", new DiscordMessageContent("News"), username: "Digest");

        var request = Assert.Single(host.Server.RequestsTo("POST /webhooks/{id}/{token}"));
        Assert.Equal("?wait=true", request.Query);
        Assert.Equal("/api/v10/webhooks/1400000000000000001/hook-secret_token", request.Path);
        Assert.Equal("Digest", request.Json!["username"]!.GetValue<string>());
        Assert.Empty(request.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("News", sent.Content);
    }
}
