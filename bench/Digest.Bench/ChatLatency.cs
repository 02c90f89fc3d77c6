using System.Diagnostics;
using Digest.Core.Conversation;
using Digest.TestKit.Telegram;

namespace Digest.Bench;

/// <summary>
/// The bot as Telegram users see it: updates queued at the fake Bot API at a steady rate, open loop (the next one is
/// due whether or not the last was answered), from many private chats, and for each the time until the app's
/// sendMessage reply is accepted by the fake. The app long-polls, so "queued" is when getUpdates can first return it.
/// </summary>
internal sealed class ChatLatency(FakeTelegramServer telegram)
{
    private const long FirstChatId = 20_000_000;
    private const long WarmUpChatId = 30_000_000;

    private static readonly string[] Commands = ["/help", "/settings", "/digest"];

    private readonly List<(long Chat, bool Question, DateTimeOffset At)> _sent = [];

    /// <summary>Every other update a question, the rest the commands in turn.</summary>
    public static string Text(int i, Func<int, string> question) => i % 2 == 1 ? question(i / 2) : Commands[(i / 2) % Commands.Length];

    /// <summary>Waits for the bot's first poll, then has it answer each kind once, outside the figures (JIT, first queries).</summary>
    public async Task WarmUpAsync(Func<int, string> question)
    {
        await telegram.WaitUntilAsync(() => telegram.Calls("getUpdates") > 0, "the bot's first getUpdates", TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2 * Commands.Length; i++)
        {
            var chat = WarmUpChatId + i;
            telegram.InjectMessage(chat, chat, Text(i, question));
            await telegram.WaitForMessagesAsync(chat, 1, TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Queues <paramref name="count"/> updates at <paramref name="perSecond"/>, round robin over the chats; returns the time it took.</summary>
    public async Task<TimeSpan> InjectAsync(int count, double perSecond, int chats, Func<int, string> question)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }
            var chat = FirstChatId + (i % chats);
            // Stamped as it is queued, not when it was due: a late injection is not counted against the bot.
            _sent.Add((chat, i % 2 == 1, DateTimeOffset.UtcNow));
            telegram.InjectMessage(chat, chat, Text(i, question));
        }
        return clock.Elapsed;
    }

    /// <summary>Waits until every update has a reply or none came for <paramref name="quiet"/>.</summary>
    public async Task DrainAsync(TimeSpan quiet)
    {
        var seen = -1;
        var lastChange = Stopwatch.StartNew();
        while (lastChange.Elapsed < quiet)
        {
            var now = Replies().Count;
            if (now >= _sent.Count)
            {
                return;
            }
            if (now != seen)
            {
                seen = now;
                lastChange.Restart();
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Each chat's n-th reply answers its n-th update: the app handles a chat's updates in order, one reply each.
    /// A chat with fewer replies than updates lost its last ones; with more, the extras are counted, not timed.
    /// </summary>
    public Outcome Measure()
    {
        var replies = Replies().GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.ToList());
        var commands = new List<double>();
        var questions = new List<double>();
        var lost = 0;
        var tooFast = 0;
        foreach (var chat in _sent.GroupBy(s => s.Chat))
        {
            var answers = replies.GetValueOrDefault(chat.Key) ?? [];
            var index = 0;
            foreach (var (_, question, at) in chat)
            {
                if (index >= answers.Count)
                {
                    lost++;
                    continue;
                }
                var reply = answers[index++];
                tooFast += reply.PlainText == ChatLimits.TooFast ? 1 : 0;
                (question ? questions : commands).Add((reply.At - at).TotalMilliseconds);
            }
        }
        var extra = replies.Values.Sum(r => r.Count) - (commands.Count + questions.Count);
        var lastReply = replies.Values.SelectMany(r => r).Select(m => m.At).DefaultIfEmpty(_sent[0].At).Max();
        return new Outcome(_sent.Count, commands, questions, lost, extra, tooFast, lastReply - _sent[0].At);
    }

    private List<SentTelegramMessage> Replies() =>
        [.. telegram.AllMessages.Where(m => m.ChatId >= FirstChatId && m.ChatId < WarmUpChatId)];

    /// <param name="Span">From the first update queued to the last reply: past the injection time, the bot fell behind.</param>
    public sealed record Outcome(int Updates, List<double> Commands, List<double> Questions, int Lost, int Extra, int TooFast, TimeSpan Span)
    {
        public List<double> All => [.. Commands, .. Questions];
    }
}
