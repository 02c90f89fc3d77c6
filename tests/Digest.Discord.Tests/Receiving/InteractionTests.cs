using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using static Digest.TestKit.Discord.DiscordEvents;

namespace Digest.Discord.Tests.Receiving;

public sealed class InteractionTests
{
    private const string Callback = "POST /interactions/{id}/{token}/callback";
    private const string Original = "PATCH /webhooks/{id}/{token}/messages/@original";
    private const string Followup = "POST /webhooks/{id}/{token}";

    [Fact]
    public async Task A_slash_command_is_deferred_at_once_then_its_reply_fills_in_the_original_and_more_follow_up()
    {
        await using var host = await ReceivingHost.StartAsync();
        host.Script.OnMessage = async (_, chat, ct) =>
        {
            // An LLM answer takes a while; Discord must have heard from us long before.
            await Task.Delay(300, ct);
            await chat.ReplyAsync(new ChatReply("Withdrawals are paused [1]."), ct);
            await chat.ReplyAsync(new ChatReply("[1] https://coinwatch.example/exchange-keys"), ct);
        };
        await host.WaitReadyAsync();

        var command = Command("ask", "what does #2 say?");
        await host.Gateway.DispatchAsync("INTERACTION_CREATE", command);

        var message = Assert.Single(await host.Script.WaitForAsync(1));
        Assert.Equal(("/ask what does #2 say?", Channel, ChatKind.Group, User, "news"), (message.Text, message.ChatId, message.ChatKind, message.UserId, message.ChatTitle));
        await host.WaitForRequestsAsync(Followup);
        var calls = host.Server.Requests.Where(r => r.Route is Callback or Original or Followup).ToList();
        Assert.Equal([Callback, Original, Followup], calls.Select(r => r.Route));
        Assert.Equal($"/api/v10/interactions/{command["id"]}/{command["token"]}/callback", calls[0].Path);
        Assert.Equal(5, calls[0].Json!["type"]!.GetValue<int>());
        Assert.Equal($"/api/v10/webhooks/{AppId}/{command["token"]}/messages/@original", calls[1].Path);
        Assert.Equal(@"Withdrawals are paused \[1\]\.", calls[1].Json!["content"]!.GetValue<string>());
        Assert.Equal(@"\[1\] <https://coinwatch.example/exchange-keys>", calls[2].Json!["content"]!.GetValue<string>());
        Assert.All(calls, c => Assert.InRange(c.Status, 200, 204));
    }

    [Fact]
    public async Task A_command_is_deferred_even_while_its_chat_waits_on_an_earlier_message()
    {
        await using var host = await ReceivingHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Script.OnMessage = async (m, _, ct) =>
        {
            if (m.CallbackData is null && !m.Text.StartsWith('/'))
            {
                await release.Task.WaitAsync(ct);
            }
        };
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message($"<@{BotId}> a slow question", Channel, Guild, mentionsBot: true));
        await host.Script.WaitForAsync(1);
        await host.Gateway.DispatchAsync("INTERACTION_CREATE", Command("digest"));

        await host.WaitForRequestsAsync(Callback);
        Assert.Single(host.Script.Received);
        release.SetResult();
        // Nothing replied: "thinking…" is replaced rather than left spinning.
        var done = Assert.Single(await host.WaitForRequestsAsync(Original));
        Assert.Equal(@"Done\.", done.Json!["content"]!.GetValue<string>());
        Assert.Equal("/digest", host.Script.Received[1].Text);
    }

    [Fact]
    public async Task A_button_press_carries_its_callback_data_and_an_edit_in_place_reply_edits_the_message_with_the_buttons()
    {
        await using var host = await ReceivingHost.StartAsync();
        host.Script.OnMessage = async (_, chat, ct) =>
        {
            await chat.ReplyAsync(new ChatReply("Categories", [[new ChatButton("✅ AI", "cat:ai-ml")]], EditOriginal: true), ct);
            await chat.ReplyAsync(new ChatReply("Saved."), ct);
        };
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("INTERACTION_CREATE", Button("cat:ai-ml", "1700000000000000500", permissions: null, channelId: DmChannel));

        var message = Assert.Single(await host.Script.WaitForAsync(1));
        Assert.Equal(("cat:ai-ml", "", DmChannel, ChatKind.Private), (message.CallbackData, message.Text, message.ChatId, message.ChatKind));
        await host.WaitForRequestsAsync(Followup);
        var calls = host.Server.Requests.Where(r => r.Route is Callback or Original or Followup).ToList();
        Assert.Equal([Callback, Original, Followup], calls.Select(r => r.Route));
        Assert.Equal(6, calls[0].Json!["type"]!.GetValue<int>());
        Assert.Equal("cat:ai-ml", calls[1].Json!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
        Assert.Equal(@"Saved\.", calls[2].Json!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("2048", false)] // SEND_MESSAGES
    [InlineData("8", true)] // ADMINISTRATOR
    [InlineData("16", true)] // MANAGE_CHANNELS
    [InlineData("32", true)] // MANAGE_GUILD
    [InlineData("2251799813685247", true)] // every bit, beyond 2^50
    [InlineData(null, true)] // a DM
    public async Task The_members_permissions_decide_whether_the_sender_administers_the_channel(string? permissions, bool admin)
    {
        await using var host = await ReceivingHost.StartAsync();
        var answers = new List<(bool Admin, bool Operator)>();
        host.Script.OnMessage = async (_, chat, ct) => answers.Add((await chat.IsSenderAdminAsync(ct), await chat.IsSenderOperatorAsync(ct)));
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("INTERACTION_CREATE", Command("categories", permissions: permissions, channelId: permissions is null ? DmChannel : Channel));

        await host.Script.WaitForAsync(1);
        Assert.Equal([(admin, false)], answers);
    }

    [Fact]
    public async Task A_plain_guild_message_is_never_from_an_admin_but_an_operator_is_one_everywhere()
    {
        await using var host = await ReceivingHost.StartAsync(o => o.OperatorIds.Add("1500000000000000077"));
        var answers = new List<(string User, bool Admin, bool Operator)>();
        host.Script.OnMessage = async (m, chat, ct) => answers.Add((m.UserId, await chat.IsSenderAdminAsync(ct), await chat.IsSenderOperatorAsync(ct)));
        await host.WaitReadyAsync();

        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message($"<@{BotId}> less crypto", Channel, Guild, mentionsBot: true));
        await host.Script.WaitForAsync(1);
        await host.Gateway.DispatchAsync("MESSAGE_CREATE", Message($"<@{BotId}> /feeds", Channel, Guild, mentionsBot: true,
            author: new() { ["id"] = "1500000000000000077", ["username"] = "op" }));
        await host.Script.WaitForAsync(2);

        Assert.Equal([(User, false, false), ("1500000000000000077", true, true)], answers);
    }
}
