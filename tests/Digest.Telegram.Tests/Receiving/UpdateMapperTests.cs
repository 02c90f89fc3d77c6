using Digest.Core.Subscriptions;
using Digest.Telegram.Receiving;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Tests.Receiving;

public sealed class UpdateMapperTests
{
    private const string BotName = "digest_bot";
    private const long BotId = 555;
    private const long Group = -1009;

    [Fact]
    public void A_mention_addresses_the_bot_and_is_dropped_from_the_text()
    {
        var mapped = UpdateMapper.Map(InGroup("@Digest_Bot, what does #2 say?"), BotName, BotId)!.Message;

        Assert.True(mapped.AddressedToBot);
        Assert.Equal("what does #2 say?", mapped.Text);
        Assert.Equal(ChatKind.Group, mapped.ChatKind);
        Assert.Empty(mapped.RepliedToLinks);
    }

    [Theory]
    [InlineData("anyone read the news?")]
    [InlineData("ask @digest_bot2 instead")]
    public void Chatter_and_other_bots_names_do_not_address_it(string text)
    {
        var mapped = UpdateMapper.Map(InGroup(text), BotName, BotId)!.Message;

        Assert.False(mapped.AddressedToBot);
        Assert.Equal(text, mapped.Text);
    }

    [Fact]
    public void A_reply_to_the_bot_addresses_it_and_carries_the_replied_links_in_their_order()
    {
        var digestPart = new Message
        {
            Id = 10,
            Chat = new Chat { Id = Group, Type = ChatType.Supergroup },
            From = new User { Id = BotId, IsBot = true, FirstName = "Digest" },
            Text = "🥇 First story\n2. Second story\nmore at https://example.org/more.",
            Entities =
            [
                new MessageEntity { Type = MessageEntityType.TextLink, Offset = 17, Length = 12, Url = "https://b.example/2" },
                new MessageEntity { Type = MessageEntityType.TextLink, Offset = 3, Length = 11, Url = "https://a.example/1" },
                new MessageEntity { Type = MessageEntityType.TextLink, Offset = 20, Length = 3, Url = "tg://user?id=1" },
            ],
        };
        var update = InGroup("why does this matter?");
        update.Message!.ReplyToMessage = digestPart;

        var mapped = UpdateMapper.Map(update, BotName, BotId)!.Message;

        Assert.True(mapped.AddressedToBot);
        Assert.Equal(["https://a.example/1", "https://b.example/2", "https://example.org/more"], mapped.RepliedToLinks);
    }

    [Fact]
    public void A_reply_to_someone_else_is_not_addressed_to_the_bot_but_keeps_its_links()
    {
        var update = InGroup("nice find");
        update.Message!.ReplyToMessage = new Message
        {
            Id = 11,
            Chat = new Chat { Id = Group, Type = ChatType.Supergroup },
            From = new User { Id = 8, FirstName = "Ann" },
            Text = "look: https://example.org/a",
        };

        var mapped = UpdateMapper.Map(update, BotName, BotId)!.Message;

        Assert.False(mapped.AddressedToBot);
        Assert.Equal(["https://example.org/a"], mapped.RepliedToLinks);
    }

    private static Update InGroup(string text) => new()
    {
        Id = 1,
        Message = new Message
        {
            Id = 20,
            Chat = new Chat { Id = Group, Type = ChatType.Supergroup, Title = "Team" },
            From = new User { Id = 7, FirstName = "Bo" },
            Text = text,
        },
    };
}
