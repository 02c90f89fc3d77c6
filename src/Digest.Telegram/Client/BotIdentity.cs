using Telegram.Bot;
using Telegram.Bot.Types;

namespace Digest.Telegram.Client;

/// <summary>The bot's own user (getMe), fetched once when first needed.</summary>
internal sealed class BotIdentity(ITelegramBotClient bot)
{
    private User? _me;

    public async Task<User> GetAsync(CancellationToken ct) => _me ??= await bot.GetMe(ct);
}
