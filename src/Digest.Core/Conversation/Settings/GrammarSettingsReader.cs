using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Settings;

/// <summary>The offline reader: <see cref="SettingsGrammar"/>'s common phrasings, free and instant.</summary>
public sealed class GrammarSettingsReader : ISettingsReader
{
    public string ModelId => "grammar";

    public Task<SettingsReading> ReadAsync(string text, Subscriber current, CancellationToken ct) =>
        Task.FromResult(SettingsGrammar.Parse(text) is { } request ? new SettingsReading(request, [], 0) : SettingsReading.Nothing);
}
