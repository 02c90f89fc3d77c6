using System.Threading.Channels;
using System.Threading.RateLimiting;

namespace Digest.Core.Delivery;

public sealed partial class OutboxSender
{
    /// <summary>The state of one <see cref="RunAsync"/>, a sender instance with its own <see cref="Id"/>.</summary>
    private sealed class SenderRun(OutboxSender sender, string id) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, ChatState> _chats = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TokenBucketRateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<Task> _workers = [];
        // At most one wake-up pending: 500 rows released at once must not make 500 back-to-back claims.
        private readonly SemaphoreSlim _progress = new(0, 1);
        private int _inFlight;
        private int _sent;
        private int _failed;
        private int _rateLimited;
        private int _outages;

        /// <summary>Names this run's claims; heartbeats keep them from being taken over.</summary>
        public string Id { get; } = id;

        public int InFlight => Volatile.Read(ref _inFlight);

        public void Dispatch(OutboxMessage message, CancellationToken stopping)
        {
            Interlocked.Increment(ref _inFlight);
            var key = message.Platform + ":" + message.SubscriberId;
            lock (_gate)
            {
                if (!_chats.TryGetValue(key, out var chat))
                {
                    var limits = sender.LimitsFor(message.Platform);
                    _chats[key] = chat = new ChatState(new ChatPacer(message.ChatKind, limits, sender.Time));
                }
                chat.Queue.Writer.TryWrite(message);
                if (!chat.Running)
                {
                    chat.Running = true;
                    _workers.RemoveAll(t => t.IsCompleted);
                    _workers.Add(Task.Run(() => WorkAsync(chat, stopping), CancellationToken.None));
                }
            }
        }

        /// <summary>Sends a chat's queue in order; SendOneChatAsync handles every failure itself, so this never faults.</summary>
        private async Task WorkAsync(ChatState chat, CancellationToken stopping)
        {
            while (true)
            {
                await sender.SendOneChatAsync(chat.Queue.Reader, chat.Pacer, this, stopping);
                lock (_gate)
                {
                    // Re-check under the lock: the dispatcher may have queued more since the reader ran dry.
                    if (!chat.Queue.Reader.TryPeek(out _))
                    {
                        chat.Running = false;
                        return;
                    }
                }
            }
        }

        public TokenBucketRateLimiter Limiter(string platform)
        {
            lock (_gate)
            {
                if (!_limiters.TryGetValue(platform, out var limiter))
                {
                    _limiters[platform] = limiter = sender.CreateLimiter(platform);
                }
                return limiter;
            }
        }

        public void Finished()
        {
            Interlocked.Decrement(ref _inFlight);
            if (_progress.CurrentCount == 0)
            {
                try
                {
                    _progress.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another worker woke it between the check and the release: one wake-up is enough.
                }
            }
        }

        public void Count(bool sent) => Interlocked.Increment(ref sent ? ref _sent : ref _failed);

        public void RateLimited() => Interlocked.Increment(ref _rateLimited);

        public void Outage() => Interlocked.Increment(ref _outages);

        public async Task WaitForProgressAsync(TimeSpan max, CancellationToken stopping)
        {
            try
            {
                // Whichever comes first: a worker finished a row, or someone enqueued new rows.
                var progress = _progress.WaitAsync(max, stopping);
                var enqueued = sender.Signals.WaitForOutboxAsync(max, stopping);
                await Task.WhenAny(progress, enqueued);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopping: the caller's loop ends.
            }
        }

        public async Task CompleteAsync()
        {
            Task[] workers;
            lock (_gate)
            {
                workers = [.. _workers];
            }
            await Task.WhenAll(workers);
        }

        public SendSummary Summary(OutboxReport? stillOwed) => new(_sent, _failed, _rateLimited, _outages, stillOwed);

        public void Dispose()
        {
            foreach (var limiter in _limiters.Values)
            {
                limiter.Dispose();
            }
            _progress.Dispose();
        }
    }

    private sealed class ChatState(ChatPacer pacer)
    {
        public Channel<OutboxMessage> Queue { get; } = Channel.CreateUnbounded<OutboxMessage>();

        public ChatPacer Pacer { get; } = pacer;

        public bool Running { get; set; }
    }
}
