using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Support;

/// <summary>A person typing to the bot through the fake Bot API, and reading what comes back.</summary>
public static class TelegramChat
{
    /// <summary>Sends <paramref name="text"/> as <paramref name="user"/> (the chat's own id by default) and returns the bot's next message.</summary>
    public static async Task<string> SayAsync(this FakeTelegramServer telegram, long chat, string text, long? user = null, string chatType = "private")
    {
        ArgumentNullException.ThrowIfNull(telegram);
        var before = telegram.Messages(chat).Count;
        telegram.InjectMessage(chat, user ?? chat, text, chatType);
        return (await telegram.WaitForMessagesAsync(chat, before + 1))[before].PlainText;
    }

    /// <summary>Asks for /digest and waits for all its parts: the footer ends the last one. Returns their text, joined.</summary>
    public static async Task<string> ReadDigestAsync(this FakeTelegramServer telegram, long chat, long? user = null, string chatType = "private")
    {
        ArgumentNullException.ThrowIfNull(telegram);
        var before = telegram.Messages(chat).Count;
        telegram.InjectMessage(chat, user ?? chat, "/digest", chatType);
        await telegram.WaitUntilAsync(
            () => telegram.Messages(chat).Skip(before).Any(m => m.PlainText.Contains("Generated at", StringComparison.Ordinal)), "the digest's last part");
        return string.Join("\n", telegram.Messages(chat).Skip(before).Select(m => m.PlainText));
    }
}
