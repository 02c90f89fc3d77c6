using Digest.Core.Assessing.Offline;

namespace Digest.Core.Collecting;

/// <summary>
/// A MinHash signature of an article body's three-word shingles (stemmed content words), made by one-permutation
/// hashing: each shingle is hashed once, the hash's top bits pick one of <see cref="Size"/> bins and each bin keeps
/// its smallest hash; an empty bin borrows from the next filled one (rotation densification). Two signatures agree at
/// a position with a probability close to the Jaccard similarity of the shingle sets, so bodies compare in constant
/// time whatever their length, and a long body costs one hash per shingle rather than one per shingle and bin.
/// </summary>
internal sealed class BodySignature
{
    public const int Size = 128;
    private const int BinBits = 7;
    private const ulong InBin = (1UL << (64 - BinBits)) - 1;
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
        // Each content word is stemmed and hashed as it is found, and the last three hashes make a shingle: no word
        // is ever a string of its own. This runs once per new article, 2,500 times on a cold start.
        var shingles = new HashSet<ulong>();
        Span<char> buffer = stackalloc char[64];
        ulong first = 0, second = 0;
        var seen = 0;
        foreach (var found in new WordScanner(text))
        {
            var word = WordScanner.Lower(found, buffer);
            if (!Tokenizer.IsContentWord(word))
            {
                continue;
            }
            var hash = Fnv1a(WordStem.Of(word));
            if (++seen >= ShingleWords)
            {
                shingles.Add(Mix(Mix(Mix(first) ^ second) ^ hash));
            }
            (first, second) = (second, hash);
        }
        var minima = new ulong[Size];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            var hash = Mix(shingle);
            var bin = (int)(hash >> (64 - BinBits));
            minima[bin] = Math.Min(minima[bin], hash & InBin);
        }
        if (shingles.Count > 0)
        {
            Densify(minima);
        }
        return new BodySignature(minima, shingles.Count);
    }

    /// <summary>
    /// Fills each empty bin from the nearest filled bin after it, marked with the distance: two bodies whose bins are
    /// empty alike fill them alike, and a borrowed value (at or above 2^57) never equals a bin's own.
    /// </summary>
    private static void Densify(ulong[] minima)
    {
        for (var bin = 0; bin < Size; bin++)
        {
            if (minima[bin] != ulong.MaxValue)
            {
                continue;
            }
            var distance = 1;
            while (minima[(bin + distance) % Size] == ulong.MaxValue || minima[(bin + distance) % Size] > InBin)
            {
                distance++;
            }
            minima[bin] = minima[(bin + distance) % Size] + ((ulong)distance << (64 - BinBits));
        }
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

    // FNV-1a: string.GetHashCode is randomized per process, and groupings must not be.
    private static ulong Fnv1a(ReadOnlySpan<char> word)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }
        return hash;
    }
}
