using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using static Digest.TestKit.Discord.DiscordEvents;

namespace Digest.Discord.Tests.Receiving;

public sealed class MessageTests
{
    private const string SendRoute = "POST /channels/{id}/messages";

    [Fact]
    public async Task A_direct_message_reaches_the_conversation_and_its_reply_arrives_in_that_channel()
    {
        await using var host = await ReceivingHost.StartAsync();
        host.Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("Subscribed."), ct);
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("/subscribe", DmChannel));

        var message = Assert.Single(await host.Script.WaitForAsync(1));
        Assert.Equal(("discord", DmChannel, ChatKind.Private, User, "/subscribe"), (message.Platform, message.ChatId, message.ChatKind, message.UserId, message.Text));
        Assert.Equal("Ada", message.ChatTitle);
        var reply = Assert.Single(await host.WaitForRequestsAsync(SendRoute));
        Assert.Equal($"/api/v10/channels/{DmChannel}/messages", reply.Path);
        Assert.Equal(@"Subscribed\.", reply.Json!["content"]!.GetValue<string>());
        Assert.Null(reply.Json!["message_reference"]);
    }

    [Fact]
    public async Task A_guild_message_without_a_mention_is_ignored_and_with_one_arrives_addressed_without_it()
    {
        await using var host = await ReceivingHost.StartAsync();
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("what does #2 say?", Channel, Guild));
        var mentioned = Message($"<@{BotId}> what does #2 say?", Channel, Guild, mentionsBot: true);
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", mentioned);
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message($"<@!{BotId}>, and #3?", Channel, Guild, mentionsBot: true));

        var received = await host.Script.WaitForAsync(2);
        await Task.Delay(100);
        Assert.Equal(2, host.Script.Received.Count);
        Assert.All(received, m => Assert.True(m.AddressedToBot));
        Assert.All(received, m => Assert.Equal((Channel, ChatKind.Group), (m.ChatId, m.ChatKind)));
        Assert.Equal(["what does #2 say?", "and #3?"], received.Select(m => m.Text));
    }

    [Fact]
    public async Task Messages_of_bots_webhooks_and_the_bot_itself_are_ignored()
    {
        await using var host = await ReceivingHost.StartAsync();
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("hi", DmChannel, author: new() { ["id"] = BotId, ["username"] = "Digest", ["bot"] = true }));
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message($"<@{BotId}> hi", Channel, Guild, mentionsBot: true,
            author: new() { ["id"] = "1500000000000000050", ["username"] = "other", ["bot"] = true }));
        var webhook = Message($"<@{BotId}> digest", Channel, Guild, mentionsBot: true);
        webhook["webhook_id"] = "1800000000000000001";
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", webhook);
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("the person", DmChannel));

        var message = Assert.Single(await host.Script.WaitForAsync(1));
        await Task.Delay(100);
        Assert.Single(host.Script.Received);
        Assert.Equal("the person", message.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_message_in_the_bots_thread_belongs_to_the_parent_channel_and_is_answered_in_the_thread(bool learntAtConnect)
    {
        await using var host = await ReceivingHost.StartAsync();
        host.Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("It says withdrawals are paused."), ct);
        await host.WaitReadyAsync();
        if (learntAtConnect)
        {
            await host.Gateway.DispatchAsync("GUILD_CREATE", GuildCreate(BotThread(), BotThread("1300000000000000088", ownerId: User)));
        }
        else
        {
            await host.Gateway.DispatchAsync("THREAD_CREATE", BotThread());
        }

        var asked = Message("what does #2 say?", ThreadId, Guild);
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", asked);
        // Someone else's thread is an ordinary channel: no mention, no answer.
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("chatter", "1300000000000000088", Guild));

        var message = Assert.Single(await host.Script.WaitForAsync(1));
        Assert.Equal((Channel, ChatKind.Group, true, "what does #2 say?"), (message.ChatId, message.ChatKind, message.AddressedToBot, message.Text));
        var reply = Assert.Single(await host.WaitForRequestsAsync(SendRoute));
        Assert.Equal($"/api/v10/channels/{ThreadId}/messages", reply.Path);
        Assert.Equal(asked["id"]!.GetValue<string>(), reply.Json!["message_reference"]!["message_id"]!.GetValue<string>());
        await Task.Delay(100);
        Assert.Single(host.Script.Received);
    }

    [Fact]
    public async Task A_reply_with_everyone_and_markdown_goes_out_escaped_without_mentions_and_links_clickable()
    {
        await using var host = await ReceivingHost.StartAsync();
        host.Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("@everyone **read** https://example.com/a_b.\n# not a heading"), ct);
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("hi", DmChannel));

        var reply = Assert.Single(await host.WaitForRequestsAsync(SendRoute));
        Assert.Equal("@\u200Beveryone \\*\\*read\\*\\* <https://example.com/a_b>\\.\n\\# not a heading", reply.Json!["content"]!.GetValue<string>());
        Assert.Empty(reply.Json!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task A_long_reply_is_split_between_lines_within_2000_characters()
    {
        await using var host = await ReceivingHost.StartAsync();
        var lines = Enumerable.Range(1, 60).Select(i => $"{i:00} " + new string('x', 60)).ToList();
        host.Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply(string.Join('\n', lines)), ct);
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("long please", DmChannel));

        var parts = await host.WaitForRequestsAsync(SendRoute, 2);
        var contents = parts.Select(p => p.Json!["content"]!.GetValue<string>()).ToList();
        Assert.All(contents, c => Assert.InRange(c.Length, 1, 2000));
        Assert.Equal(lines, contents.SelectMany(c => c.Split('\n')));
        Assert.All(parts, p => Assert.Equal(200, p.Status));
    }

    [Fact]
    public async Task Buttons_become_action_rows_of_buttons_with_their_data_as_custom_id()
    {
        await using var host = await ReceivingHost.StartAsync();
        IReadOnlyList<IReadOnlyList<ChatButton>> rows = [.. Enumerable.Range(1, 7).Select(i => (IReadOnlyList<ChatButton>)[new ChatButton($"Category {i}", $"cat:{i}")])];
        host.Script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("Pick", rows), ct);
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message("/categories", DmChannel));

        var reply = Assert.Single(await host.WaitForRequestsAsync(SendRoute));
        var components = reply.Json!["components"]!.AsArray();
        Assert.Equal(2, components.Count);
        Assert.All(components, row => Assert.Equal(1, row!["type"]!.GetValue<int>()));
        var buttons = components.SelectMany(row => row!["components"]!.AsArray()).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"cat:{i}"), buttons.Select(b => b!["custom_id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal(2, b!["type"]!.GetValue<int>()));
        Assert.Equal(200, reply.Status);
    }
}
