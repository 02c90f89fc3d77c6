using System.Threading.Channels;
using Telegram.Bot.Types;

namespace Digest.Telegram.Webhook;

internal enum WebhookAdmission
{
    Queued,

    /// <summary>Telegram posted an update we already took (it redelivers after a slow or lost answer).</summary>
    Duplicate,

    Full,
}

/// <summary>
/// Webhook posts waiting for <see cref="TelegramWebhookWorker"/>: bounded, in arrival order, with redeliveries of an
/// update id among the last ones taken dropped. Process memory only: what is queued when the app stops is lost.
/// </summary>
internal sealed class WebhookQueue
{
    public const int DefaultCapacity = 1000;

    private readonly object _gate = new();
    private readonly Channel<Update> _updates;
    private readonly RecentUpdateIds _taken;

    public WebhookQueue(int capacity = DefaultCapacity, int remembered = DefaultCapacity)
    {
        _updates = Channel.CreateBounded<Update>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _taken = new RecentUpdateIds(remembered);
    }

    public ChannelReader<Update> Reader => _updates.Reader;

    public int Count => _updates.Reader.Count;

    public WebhookAdmission TryAdd(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        // One lock for the check and the write, so two copies posted at once cannot both get in.
        lock (_gate)
        {
            if (_taken.Contains(update.Id))
            {
                return WebhookAdmission.Duplicate;
            }
            if (!_updates.Writer.TryWrite(update))
            {
                // Not remembered: Telegram's later retry of this update must be let in.
                return WebhookAdmission.Full;
            }
            _taken.Add(update.Id);
            return WebhookAdmission.Queued;
        }
    }

    /// <summary>The last <c>capacity</c> ids added, the oldest forgotten first. Not thread-safe.</summary>
    private sealed class RecentUpdateIds(int capacity)
    {
        private readonly Queue<int> _order = new(capacity);
        private readonly HashSet<int> _ids = new(capacity);

        public bool Contains(int id) => _ids.Contains(id);

        public void Add(int id)
        {
            if (!_ids.Add(id))
            {
                return;
            }
            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}
