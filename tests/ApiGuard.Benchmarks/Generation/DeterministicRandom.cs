namespace ApiGuard.Benchmarks.Generation;

/// <summary>
/// A tiny SplitMix64 generator. <see cref="Random"/> is not used because its sequence for a seed is not guaranteed across .NET
/// versions; this one is ours, so a seed gives the same project everywhere, now and later.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one item (a feature, a file) that depends only on the seed and the item's index, not on what came before.</summary>
    public static DeterministicRandom For(ulong seed, int index) => new(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(index + 1)));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }

        return minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));
    }

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => Next(0, 100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary><paramref name="count"/> distinct items, in the order of <paramref name="items"/>.</summary>
    public IReadOnlyList<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var indexes = Enumerable.Range(0, items.Count).ToList();
        for (var i = indexes.Count - 1; i > 0; i--)
        {
            var j = Next(0, i + 1);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        return indexes.Take(count).Order().Select(i => items[i]).ToList();
    }
}
