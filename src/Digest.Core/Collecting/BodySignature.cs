using Digest.Core.Assessing.Offline;

namespace Digest.Core.Collecting;

/// <summary>
/// A MinHash signature of an article body: the smallest hash, under each of a fixed set of hash functions, of the
/// body's three-word shingles (stemmed content words). Two signatures agree at a position with a probability equal
/// to the Jaccard similarity of the shingle sets, so bodies compare in constant time whatever their length.
/// </summary>
internal sealed class BodySignature
{
    public const int Size = 128;
    private const int ShingleWords = 3;

    // Two rows per band: a pair of bodies sharing a fifth of their shingles meets in some band nine times in ten,
    // which is what paraphrasing outlets that quote a few sentences of the same press release look like.
    private const int RowsPerBand = 2;

    // Enough shingles to be a real body rather than a teaser; below this the body's evidence is scaled down.
    private const double FullBodyShingles = 30;

    private readonly ulong[] _minima;

    private BodySignature(ulong[] minima, int shingleCount)
    {
        _minima = minima;
        ShingleCount = shingleCount;
    }

    public int ShingleCount { get; }

    public static BodySignature Of(string text)
    {
        var words = Tokenizer.ContentWords(text).Select(WordStem.Of).ToList();
        var minima = new ulong[Size];
        Array.Fill(minima, ulong.MaxValue);
        var shingles = new HashSet<ulong>();
        for (var start = 0; start + ShingleWords <= words.Count; start++)
        {
            shingles.Add(Fnv1a(words, start));
        }
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Size; i++)
            {
                minima[i] = Math.Min(minima[i], Mix(shingle + Seed(i)));
            }
        }
        return new BodySignature(minima, shingles.Count);
    }

    /// <summary>How sure a comparison with this other body can be: a teaser of a dozen words says little.</summary>
    public double Confidence(BodySignature other) => Math.Min(1, Math.Min(ShingleCount, other.ShingleCount) / FullBodyShingles);

    /// <summary>
    /// The estimated share of the shorter body's shingles that the longer one also has. Containment rather than
    /// Jaccard, so that an outlet quoting the press release inside a longer piece still counts as overlap.
    /// </summary>
    public double Containment(BodySignature other)
    {
        if (ShingleCount == 0 || other.ShingleCount == 0)
        {
            return 0;
        }
        var agree = 0;
        for (var i = 0; i < Size; i++)
        {
            agree += _minima[i] == other._minima[i] ? 1 : 0;
        }
        var jaccard = agree / (double)Size;
        var shared = jaccard * (ShingleCount + other.ShingleCount) / (1 + jaccard);
        return Math.Min(1, shared / Math.Min(ShingleCount, other.ShingleCount));
    }

    /// <summary>Keys of the LSH bands: bodies that share any key are worth comparing.</summary>
    public IEnumerable<ulong> BandKeys()
    {
        if (ShingleCount == 0)
        {
            yield break;
        }
        for (var band = 0; band < Size / RowsPerBand; band++)
        {
            var key = Seed(band);
            for (var row = 0; row < RowsPerBand; row++)
            {
                key = Mix(key ^ _minima[band * RowsPerBand + row]);
            }
            yield return key;
        }
    }

    private static ulong Seed(int i) => (ulong)(i + 1) * 0x9E3779B97F4A7C15UL;

    // SplitMix64's finalizer: turns one good 64-bit hash into many independent-looking ones.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // FNV-1a over the shingle's words: string.GetHashCode is randomized per process, and groupings must not be.
    private static ulong Fnv1a(List<string> words, int start)
    {
        var hash = 0xCBF29CE484222325UL;
        for (var w = start; w < start + ShingleWords; w++)
        {
            foreach (var c in words[w])
            {
                hash = (hash ^ c) * 0x100000001B3UL;
            }
            hash = (hash ^ ' ') * 0x100000001B3UL;
        }
        return hash;
    }
}
