using Digest.Core.Collecting;

namespace Digest.Core.Tests.Collecting;

/// <summary>The pieces the story grouper compares: body signatures, title words and mentions.</summary>
public class StoryTextTests
{
    private const string Release =
        "Google on Tuesday released Gemini 3.1 Flash TTS, a text-to-speech model available in preview through the Gemini API. " +
        "The model supports 30 languages and lets developers steer tone, pace and accent with plain-language instructions. " +
        "Multi-speaker dialogue can be generated in a single request, which Google says suits podcasts and audiobooks. " +
        "Pricing starts at fifty cents per million input tokens during the preview, and the model is free to try in AI Studio.";

    [Fact]
    public void A_body_is_fully_contained_in_itself()
    {
        Assert.Equal(1, BodySignature.Of(Release).Containment(BodySignature.Of(Release)), 3);
    }

    [Fact]
    public void A_teaser_cut_from_a_body_is_contained_in_it_but_counts_with_less_confidence()
    {
        var teaser = string.Join(' ', Release.Split(' ').Take(25)) + " …";
        var (full, cut) = (BodySignature.Of(Release), BodySignature.Of(teaser));

        Assert.True(cut.Containment(full) > 0.6, $"containment {cut.Containment(full):F2}");
        Assert.True(cut.Confidence(full) < 0.6, $"confidence {cut.Confidence(full):F2}");
    }

    [Fact]
    public void Unrelated_bodies_share_next_to_nothing()
    {
        var other = BodySignature.Of(
            "Intel's board has appointed Lip-Bu Tan, the former chief executive of Cadence Design Systems, as CEO effective next week. " +
            "Tan said he would focus on the foundry business and on winning back customers for Intel's data center chips.");

        Assert.True(other.Containment(BodySignature.Of(Release)) < 0.1);
    }

    [Fact]
    public void An_empty_body_gives_no_evidence_and_no_lsh_bands()
    {
        var empty = BodySignature.Of("");

        Assert.Equal(0, empty.Containment(BodySignature.Of(Release)));
        Assert.Equal(0, empty.Confidence(BodySignature.Of(Release)));
        Assert.Empty(empty.BandKeys());
    }

    [Fact]
    public void Signatures_are_the_same_in_every_process()
    {
        // Pinned: fixed seeds and our own string hash, where string.GetHashCode would change with every start.
        Assert.Equal(13359446599758134913UL, BodySignature.Of("Rust 1.95 stabilizes async closures in trait methods").BandKeys().First());
    }

    [Fact]
    public void Outlet_labels_and_names_are_not_title_words()
    {
        var words = TitleWords.Of("Breaking: Nvidia posts record quarter | The Verge").Select(w => w.Key);

        Assert.Equal(["nvidia", "quarter", "record"], words);
    }

    [Fact]
    public void A_tail_with_a_version_is_part_of_the_title()
    {
        Assert.Contains(TitleWords.Of("Release notes - v1.2.0"), w => w.Key == "v1.2.0");
    }

    [Fact]
    public void Template_words_count_little_and_numbers_much()
    {
        var words = TitleWords.Of("Postmortem: how a Kafka outage took down search #612").ToDictionary(w => w.Key, w => w.Boost);

        Assert.True(words["postmortem"] < 1 && words["outag"] < 1);
        Assert.True(words["612"] > words["kafka"]);
    }

    [Fact]
    public void Word_forms_share_one_stem()
    {
        Assert.Equal(WordStem.Of("release"), WordStem.Of("released"));
        Assert.Equal(WordStem.Of("release"), WordStem.Of("releases"));
        Assert.Equal("1.95.0", WordStem.Of("1.95.0"));
    }

    [Fact]
    public void Mentions_are_names_and_numbers_not_capitalized_sentence_starts()
    {
        var mentions = Mentions.Of("Intel picks a CEO", "Shares rose after Intel named Lip-Bu Tan. Tan starts at 09:30 with $2.5 billion.")
            .Select(m => m.Key);

        Assert.Equal(["09:30", "2.5", "ceo", "intel", "lip-bu", "tan"], mentions);
    }
}
