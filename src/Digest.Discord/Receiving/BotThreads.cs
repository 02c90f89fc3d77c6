using System.Collections.Concurrent;
using System.Text.Json;

namespace Digest.Discord.Receiving;

/// <summary>
/// The threads the bot started (one on each daily post), each with the channel it belongs to: a message in one is
/// meant for the bot and belongs to that channel's subscription. Learnt from GUILD_CREATE (active threads at connect)
/// and THREAD_CREATE, forgotten on THREAD_DELETE; nothing is stored, since every connect lists them again.
/// </summary>
internal sealed class BotThreads
{
    private readonly ConcurrentDictionary<string, string> _parents = new(StringComparer.Ordinal);

    public string? ParentOf(string channelId) => _parents.GetValueOrDefault(channelId);

    public void ObserveGuild(JsonElement guild, string? botUserId)
    {
        foreach (var thread in guild.Array("threads"))
        {
            Observe(thread, botUserId);
        }
    }

    public void Observe(JsonElement thread, string? botUserId)
    {
        if (botUserId is not null && thread.Str("owner_id") == botUserId && thread.Str("id") is { } id && thread.Str("parent_id") is { } parent)
        {
            _parents[id] = parent;
        }
    }

    public void Forget(JsonElement thread)
    {
        if (thread.Str("id") is { } id)
        {
            _parents.TryRemove(id, out _);
        }
    }
}
