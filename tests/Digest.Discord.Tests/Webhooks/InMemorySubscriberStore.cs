using Digest.Core.Subscriptions;

namespace Digest.Discord.Tests.Webhooks;

/// <summary>Subscribers in a list, keyed as the real store keys them (platform, chat id); counts saves so tests see writes.</summary>
public sealed class InMemorySubscriberStore : ISubscriberStore
{
    private readonly List<Subscriber> _rows = [];

    public int Saves { get; private set; }

    public IReadOnlyList<Subscriber> All
    {
        get
        {
            lock (_rows)
            {
                return [.. _rows];
            }
        }
    }

    public Task<Subscriber?> GetAsync(string platform, string chatId, CancellationToken ct)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.FirstOrDefault(s => s.Platform == platform && s.ChatId == chatId));
        }
    }

    public Task<Subscriber?> GetByIdAsync(long id, CancellationToken ct)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.FirstOrDefault(s => s.Id == id));
        }
    }

    public Task<Subscriber> SaveAsync(Subscriber subscriber, CancellationToken ct)
    {
        lock (_rows)
        {
            Saves++;
            var index = _rows.FindIndex(s => s.Platform == subscriber.Platform && s.ChatId == subscriber.ChatId);
            var stored = subscriber with { Id = index >= 0 ? _rows[index].Id : _rows.Count + 1 };
            if (index >= 0)
            {
                _rows[index] = stored;
            }
            else
            {
                _rows.Add(stored);
            }
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<Subscriber>> GetActiveAsync(Frequency frequency, CancellationToken ct)
    {
        lock (_rows)
        {
            return Task.FromResult<IReadOnlyList<Subscriber>>([.. _rows.Where(s => s.Active && (s.Frequency & frequency) != 0)]);
        }
    }

    public Task SetActiveAsync(long subscriberId, bool active, CancellationToken ct)
    {
        lock (_rows)
        {
            var index = _rows.FindIndex(s => s.Id == subscriberId);
            _rows[index] = _rows[index] with { Active = active };
            return Task.CompletedTask;
        }
    }

    public Task ChangeChatIdAsync(long subscriberId, string newChatId, CancellationToken ct)
    {
        lock (_rows)
        {
            var index = _rows.FindIndex(s => s.Id == subscriberId);
            _rows[index] = _rows[index] with { ChatId = newChatId };
            return Task.CompletedTask;
        }
    }
}
