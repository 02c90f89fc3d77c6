using Digest.Core.Weekly;
using Digest.Llm.Chat;
using Digest.Llm.Prompts;
using Digest.Llm.Writing;
using Microsoft.Extensions.Logging;

namespace Digest.Llm.Weekly;

/// <summary>
/// Writes the weekly briefing's sections through the OpenAI-compatible endpoint, in one strict-schema call for the
/// sections asked. A partial answer is returned as it is (the core checks it and asks again for what is missing); an
/// answer that is no JSON object at all throws, which the core's LlmOrOffline treats as an answer with nothing in it.
/// </summary>
public sealed class LlmBriefingWriter : IBriefingWriter
{
    /// <summary>Some voice for an editor's prose, not so much that facts drift.</summary>
    private const double Temperature = 0.5;

    private readonly LlmChat _chat;
    private readonly ILogger<LlmBriefingWriter> _logger;

    public LlmBriefingWriter(LlmConnection llm, ILogger<LlmBriefingWriter> logger)
    {
        ModelId = llm.ModelId;
        _logger = logger;
        _chat = llm.Open(logger, "write the briefing with the offline writer");
    }

    public string ModelId { get; }

    /// <summary>Stored with what it wrote, like the other prompts' versions.</summary>
    public string PromptVersion => Prompt.Weekly.Version;

    public async Task<BriefingDraft> WriteAsync(WeeklyMaterial material, IReadOnlySet<BriefingSection> sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(sections);
        var requested = BriefingKeys.InOrder(sections);
        if (requested.Count == 0)
        {
            return new BriefingDraft();
        }
        if (!material.All.Any())
        {
            // Nothing to write about: the offline writer says so without spending a call.
            throw new LlmAnswerException("The week has no material, so there is no briefing to write.");
        }
        var asked = requested.Where(s => BriefingKeys.HasMaterial(s, material)).ToList();
        var draft = asked.Count == 0 ? new BriefingDraft() : await AskAsync(material, asked, ct);
        return WithNothingToCite(draft, requested.Except(asked));
    }

    private async Task<BriefingDraft> AskAsync(WeeklyMaterial material, IReadOnlyList<BriefingSection> asked, CancellationToken ct)
    {
        var system = WeeklyInstructions.SystemPrompt(asked, material, OutputLanguage.Describe(material.Language));
        var user = WeeklyData.UserMessage(material, asked);
        var format = WeeklyInstructions.ResponseFormat(asked, material);
        var urls = material.All.GroupBy(i => i.ArticleId).ToDictionary(g => g.Key, g => g.First().Url);
        string? ArxivOf(long id) => urls.TryGetValue(id, out var url) ? BriefingCheck.ArxivId(url) : null;

        // One attempt: the core (BriefingAuthor) asks again for whatever is missing, a junk answer included, so a
        // retry here would only double the most expensive call of the week.
        var draft = await _chat.AskAsync(Prompt.Weekly, system, user, Temperature, c => BriefingAnswer.Read(c, asked, ArxivOf), ct, format)
            ?? throw new LlmAnswerException($"{ModelId} answered the weekly briefing with no JSON object.");
        var missing = asked.Where(BriefingCheck.Missing(draft).Contains).ToList();
        if (missing.Count > 0)
        {
            _logger.LogInformation("{model_id} left {missing} of {count} weekly sections unwritten: {sections}",
                ModelId, missing.Count, asked.Count, string.Join(", ", missing.Select(BriefingKeys.Of)));
        }
        return draft;
    }

    /// <summary>Sections the week offers nothing for are empty lists, as the offline writer makes them, not gaps to ask about again.</summary>
    private static BriefingDraft WithNothingToCite(BriefingDraft draft, IEnumerable<BriefingSection> empty)
    {
        foreach (var section in empty)
        {
            draft = section switch
            {
                BriefingSection.WatchAndListen => draft with { WatchAndListen = [] },
                BriefingSection.Takeaways => draft with { Takeaways = [] },
                BriefingSection.AlsoThisWeek => draft with { AlsoThisWeek = [] },
                BriefingSection.FromTheLab => draft with { FromTheLab = [] },
                BriefingSection.WorthReading => draft with { WorthReading = [] },
                // Thesis, big story and signal cannot be empty: without material for them they stay missing.
                _ => draft,
            };
        }
        return draft;
    }
}
