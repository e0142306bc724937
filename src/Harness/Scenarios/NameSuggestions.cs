namespace Parity.Harness.Scenarios;

/// <summary>"Did you mean …": the candidates closest to a mistyped name by edit distance.</summary>
internal static class NameSuggestions
{
    private const int LongestCompared = 256;

    /// <summary>
    /// Up to <paramref name="count"/> candidates scoring within a third of the name's length (at least 2), closest
    /// first, ties alphabetical. Case is ignored.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count)
    {
        if (name.Length == 0 || name.Length > LongestCompared)
        {
            return [];
        }

        var wanted = name.ToLowerInvariant();
        var limit = Math.Max(2, wanted.Length / 3);
        return [.. candidates
            .Where(c => c.Length <= LongestCompared)
            .Select(c => (Candidate: c, Distance: Score(wanted, c.ToLowerInvariant())))
            .Where(s => s.Distance <= limit)
            .OrderBy(s => s.Distance)
            .ThenBy(s => s.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(s => s.Candidate)];
    }

    /// <summary>
    /// The edit distance, but a name found inside the candidate scores 1 and a near-miss of its beginning scores one
    /// more than that miss, so <c>xor-ladder-5</c> still finds <c>xor-ladder-1-as-posted</c>.
    /// </summary>
    private static int Score(string wanted, string candidate)
    {
        if (wanted.Length >= 3 && candidate.Contains(wanted, StringComparison.Ordinal))
        {
            return 1;
        }

        var whole = Levenshtein(wanted, candidate);
        return candidate.Length > wanted.Length
            ? Math.Min(whole, Levenshtein(wanted, candidate[..wanted.Length]) + 1)
            : whole;
    }

    /// <summary>Insertions, deletions and substitutions to turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
