namespace Parity.Harness.Scenarios;

/// <summary>
/// The names an enum is written with in scenario files, JSON output and CSV: one name per member, both ways,
/// ordinal and case-sensitive.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class NameMap<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> names;
    private readonly Dictionary<string, T> members;

    internal NameMap(params (T Member, string Name)[] pairs)
    {
        names = pairs.ToDictionary(p => p.Member, p => p.Name);
        members = pairs.ToDictionary(p => p.Name, p => p.Member, StringComparer.Ordinal);
        All = [.. pairs.Select(p => p.Name)];
        if (names.Count != Enum.GetValues<T>().Length)
        {
            throw new InvalidOperationException($"{typeof(T).Name}: every member needs exactly one name.");
        }
    }

    /// <summary>Every name, in declaration order.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>The names as a list for messages: <c>sigmoid, tanh, relu</c>.</summary>
    public string Expected => string.Join(", ", All);

    /// <summary>The name of <paramref name="member"/>.</summary>
    public string Of(T member) => names[member];

    /// <summary>The member named <paramref name="name"/>, if any.</summary>
    public bool TryParse(string name, out T member) => members.TryGetValue(name, out member);

    /// <summary>The member named <paramref name="name"/>; throws <see cref="FormatException"/> naming the choices.</summary>
    public T Parse(string name) =>
        TryParse(name, out var member)
            ? member
            : throw new FormatException($"unknown {typeof(T).Name} \"{name}\"; expected one of {Expected}");
}
