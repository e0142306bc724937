using System.Reflection;
using System.Reflection.Emit;
using NUnit.Framework;
using Parity.Harness.Running;

namespace Parity.Tests.Harness;

/// <summary>
/// Data flows one way through the harness (docs/design.md): no folder of src/Harness may depend, however indirectly, on
/// a folder that depends on it. Dependencies are read from the compiled assembly — signatures, fields and every member
/// the IL touches, compiler-generated closures and state machines included — so none hides in a method body.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "Parity.Harness";

    [Test]
    public void HarnessFolders_DependOnEachOtherWithoutACycle()
    {
        var edges = Dependencies(typeof(ParityHarness).Assembly);

        var cycle = FindCycle(edges.Keys.Select(k => k.From).Distinct().ToList(), edges);

        Assert.That(cycle, Is.Null, cycle is null ? "" : "a cycle between the harness's folders: " + string.Join(" → ", cycle.Select((f, i) =>
            i + 1 < cycle.Count ? $"{f} ({edges[(f, cycle[i + 1])]})" : f)));
    }

    [Test]
    public void FindCycle_ThreeFoldersInARing_IsFound()
    {
        var edges = new Dictionary<(string, string), string> { [("A", "B")] = "", [("B", "C")] = "", [("C", "A")] = "", [("C", "D")] = "" };

        Assert.That(FindCycle(["A", "B", "C", "D"], edges), Is.EqualTo(new[] { "A", "B", "C", "A" }));
    }

    /// <summary>folder → folder, with one example of the dependency (a type and what it uses).</summary>
    private static Dictionary<(string From, string To), string> Dependencies(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (Folder(type) is not { } from)
            {
                continue;
            }

            foreach (var used in Used(type))
            {
                if (Folder(used) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{Name(type)} uses {Name(used)}");
                }
            }
        }

        return edges;
    }

    private static IEnumerable<Type> Used(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type?> { type.BaseType, type.DeclaringType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }

            direct.AddRange(Operands(method));
        }

        return direct.OfType<Type>().SelectMany(Flatten);
    }

    // The element and generic argument types a type is made of: List<Scenario> uses Scenario.
    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            return Flatten(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }

    /// <summary>The declaring types of every field, method and type a method's IL refers to.</summary>
    private static IEnumerable<Type> Operands(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var generics = (method.DeclaringType?.GetGenericArguments() ?? [], method.IsGenericMethod ? method.GetGenericArguments() : []);
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? TwoByte[il[at + 1]] : OneByte[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                var member = Resolve(method.Module, token, generics);
                if (member is Type t)
                {
                    yield return t;
                }
                else if (member?.DeclaringType is { } declaring)
                {
                    yield return declaring;
                    if (member is FieldInfo field)
                    {
                        yield return field.FieldType;
                    }
                }
            }

            at += OperandSize(code, il, at);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, (Type[] Type, Type[] Method) generics)
    {
        try
        {
            return module.ResolveMember(token, generics.Type, generics.Method);
        }
        catch (ArgumentException)
        {
            return null; // a token of another kind (a signature or a string): no type to record
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static readonly Dictionary<byte, OpCode> OneByte = OpCodesBy(size: 1);

    private static readonly Dictionary<byte, OpCode> TwoByte = OpCodesBy(size: 2);

    private static Dictionary<byte, OpCode> OpCodesBy(int size) =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .Where(c => c.Size == size)
            .ToDictionary(c => (byte)(c.Value & 0xFF));

    // "Parity.Harness.Diagnosis.Diagnoser+<>c" → "Diagnosis"; the root namespace and other assemblies → null.
    private static string? Folder(Type type)
    {
        var ns = type.Namespace;
        return ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;
    }

    private static string Name(Type type) => type.FullName?[(Root.Length + 1)..] ?? type.Name;

    /// <summary>A cycle as the folders along it, first and last the same; null when the graph has none.</summary>
    private static List<string>? FindCycle(IReadOnlyList<string> folders, IReadOnlyDictionary<(string From, string To), string> edges)
    {
        var state = folders.ToDictionary(f => f, _ => 0); // 0 unvisited, 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string folder)
        {
            state[folder] = 1;
            path.Add(folder);
            foreach (var next in edges.Keys.Where(e => e.From == folder).Select(e => e.To).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
            return null;
        }

        return folders.Order(StringComparer.Ordinal).Where(f => state[f] == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
