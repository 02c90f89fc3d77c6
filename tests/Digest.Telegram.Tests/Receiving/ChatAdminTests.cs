using Digest.Core.Conversation;
using Digest.Core.Subscriptions;
using Digest.Telegram.Receiving;
using Digest.Telegram.Tests.TestSupport;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;

namespace Digest.Telegram.Tests.Receiving;

public sealed class ChatAdminTests : IAsyncLifetime
{
    private const long Group = -1002;
    private const long Channel = -1003;
    private const long User = 7;
    private const long Operator = 99;

    private FakeTelegramServer _server = null!;
    private TelegramTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _server.AddChat(new FakeChat(Group, "supergroup", "Team"));
        _server.AddChat(new FakeChat(Channel, "channel", "News", "news_digest"));
        _host = await TelegramTestHost.CreateAsync(TelegramTestHost.Settings(_server, ("Telegram:AdminIds:0", "99")), start: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("administrator", true)]
    [InlineData("creator", true)]
    [InlineData("member", false)]
    [InlineData("left", false)]
    public async Task Group_sender_is_admin_only_when_telegram_says_so(string status, bool expected)
    {
        _server.SetMemberStatus(Group, User, status);

        Assert.Equal(expected, await Context(InGroup(User)).IsSenderAdminAsync(default));
    }

    [Fact]
    public async Task Operator_is_admin_in_any_group_without_asking_telegram()
    {
        Assert.True(await Context(InGroup(Operator)).IsSenderAdminAsync(default));
        Assert.Equal(0, _server.Calls("getChatMember"));
    }

    [Fact]
    public async Task Private_chat_and_channel_post_senders_are_admins()
    {
        var privateChat = new ReceivedUpdate(Message("42", ChatKind.Private, "42"), 42, 42);
        var channelPost = new ReceivedUpdate(Message("-1003", ChatKind.Channel, string.Empty), Channel, null);

        Assert.True(await Context(privateChat).IsSenderAdminAsync(default));
        Assert.True(await Context(channelPost).IsSenderAdminAsync(default));
        Assert.Equal(0, _server.Calls("getChatMember"));
    }

    [Theory]
    [InlineData("administrator", "creator", true)]
    [InlineData("member", "creator", false)]
    [InlineData("administrator", "member", false)]
    public async Task Linking_a_channel_needs_both_the_bot_and_the_sender_to_be_admins(string botStatus, string senderStatus, bool linked)
    {
        _server.SetMemberStatus(Channel, FakeTelegramServer.DefaultBotId, botStatus);
        _server.SetMemberStatus(Channel, User, senderStatus);

        var link = await Context(InPrivate(User)).TryLinkChatAsync("@news_digest", default);

        Assert.Equal(linked ? new ChatLink("-1003", ChatKind.Channel, "News") : null, link);
    }

    [Fact]
    public async Task Linking_by_numeric_id_finds_a_group()
    {
        _server.SetMemberStatus(Group, FakeTelegramServer.DefaultBotId, "administrator");
        _server.SetMemberStatus(Group, User, "administrator");

        var link = await Context(InPrivate(User)).TryLinkChatAsync(" -1002 ", default);

        Assert.Equal(new ChatLink("-1002", ChatKind.Group, "Team"), link);
    }

    [Theory]
    [InlineData("@no_such_channel")]
    [InlineData("not a chat")]
    public async Task Linking_an_unknown_chat_gives_nothing(string reference)
    {
        Assert.Null(await Context(InPrivate(User)).TryLinkChatAsync(reference, default));
    }

    private static ReceivedUpdate InGroup(long userId) =>
        new(Message("-1002", ChatKind.Group, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), Group, userId);

    private static ReceivedUpdate InPrivate(long userId) =>
        new(Message("7", ChatKind.Private, "7"), userId, userId);

    private static IncomingMessage Message(string chatId, ChatKind kind, string userId) =>
        new("telegram", chatId, kind, null, userId, "/link");

    private TelegramChatContext Context(ReceivedUpdate update) => new(
        update,
        _host.Services.GetRequiredService<ITelegramBotClient>(),
        _host.Services.GetRequiredService<ChatAdmins>(),
        TimeProvider.System,
        NullLogger.Instance);
}
