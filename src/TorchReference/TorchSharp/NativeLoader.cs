using System.Reflection;
using System.Runtime.InteropServices;
using Parity.Common;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// Loads TorchSharp's native libraries once per process, before TorchSharp's own loader runs, and sets libtorch to
/// one intra-op thread.
/// </summary>
/// <remarks>
/// On Linux the libraries are loaded from the output folder in dependency order: <c>libtorch_cpu.so</c> and
/// <c>libtorch.so</c> first, so that the binding <c>libLibTorchSharp.so</c> binds to them and not to another libtorch
/// on the default library path (Debian's <c>python3-torch</c> installs libtorch 1.13 there). Then the binding as
/// shipped; where that fails only because libstdc++ lacks <see cref="GlibcxxVersionPatch.Needed"/> (Debian 12), a copy
/// with that one version need renamed (<see cref="GlibcxxVersionPatch"/>) is written beside it and loaded instead.
/// TorchSharp then finds the loaded binding by its SONAME. Where libstdc++ has the version, nothing is patched.
/// Whatever fails is reported as a <see cref="TorchSharpUnavailableException"/> carrying the dynamic loader's error,
/// before TorchSharp's own loader could fail with a misleading message (and copy 478 MB of libraries into the output
/// folder while trying).
/// </remarks>
internal static class NativeLoader
{
    /// <summary>The name of the patched copy, beside the binding as shipped.</summary>
    public const string PatchedName = "libLibTorchSharp.glibcxx-3.4.30.so";

    /// <summary>Where the natives are when none of the search directories holds them: the package layout's folder.</summary>
    private const string RuntimeFolder = "runtimes/linux-x64/native";

    /// <summary>What a caller can do instead: said in every unavailability message.</summary>
    private const string Alternatives =
        "The Python PyTorch worker (--reference pytorch) and the committed fixtures (--reference fixtures) do not need TorchSharp.";

    // Exceptions are cached too: every caller after a failed load gets the same message, and nothing is retried.
    private static readonly Lazy<TorchSharpRuntime> Runtime = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads the natives (once) and returns what was loaded.</summary>
    /// <exception cref="TorchSharpUnavailableException">They cannot be loaded; the message says why.</exception>
    public static TorchSharpRuntime Ensure() => Runtime.Value;

    /// <summary>What was loaded, or null when nothing has been loaded (yet, or at all).</summary>
    public static TorchSharpRuntime? Loaded => Runtime.IsValueCreated ? Runtime.Value : null;

    private static TorchSharpRuntime Load()
    {
        var binding = OperatingSystem.IsLinux() ? LoadLinuxNatives(SearchDirectories()) : "by TorchSharp's own loader";
        try
        {
            InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception error) when (error is NotSupportedException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw Unavailable($"TorchSharp's loader failed: {FirstParagraph(error)}");
        }

        var defaultThreads = get_num_threads();
        set_num_threads(1); // tiny networks: more threads only add overhead, and the Python worker uses one too
        return new TorchSharpRuntime(
            Libtorch: string.Join('.', __version__.Split('.').Take(3)),
            TorchSharp: typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
            Threads: get_num_threads(),
            DefaultThreads: defaultThreads,
            Binding: binding);
    }

    /// <summary>Loads libtorch and the binding from the first of <paramref name="directories"/> that holds each.</summary>
    /// <returns>How the binding was loaded: as shipped, or which patched copy.</returns>
    /// <exception cref="TorchSharpUnavailableException">A library is missing or does not load: the loader's error.</exception>
    internal static string LoadLinuxNatives(IReadOnlyList<string> directories)
    {
        RequireReproducibleMkl();
        var torchCpu = Find("libtorch_cpu.so", directories);
        LoadOrThrow(torchCpu);
        LoadOrThrow(Find("libtorch.so", [Path.GetDirectoryName(torchCpu)!, .. directories]));

        var binding = Find("libLibTorchSharp.so", directories);
        if (TryLoad(binding, out var error))
        {
            return "as shipped";
        }

        if (!error.Contains(GlibcxxVersionPatch.Needed, StringComparison.Ordinal))
        {
            throw Unavailable(error);
        }

        var copy = WritePatchedCopy(binding, error);
        return TryLoad(copy, out var copyError)
            ? $"patched copy {copy} ({GlibcxxVersionPatch.Needed} → {GlibcxxVersionPatch.Replacement})"
            : throw Unavailable($"{error}; the copy patched to need {GlibcxxVersionPatch.Replacement} does not load either: {copyError}");
    }

    /// <summary>
    /// Asks MKL, which libtorch 2.10's CPU build carries, for its conditional numerical reproducibility
    /// (<c>MKL_CBWR=AUTO,STRICT</c>) unless the environment already says otherwise. Without it MKL picks its kernels by
    /// the alignment of the memory it is handed, so the same float64 product over 150 rows came out in one of two last
    /// bits, run after run in one process; with it, the same bits every time, as the harness's cache of live runs and
    /// the reference's promise of equal bits for equal requests need. MKL reads the variable when libtorch first calls
    /// it, so it is set in the process's own environment before libtorch is loaded.
    /// </summary>
    private static void RequireReproducibleMkl()
    {
        if (ParitySettings.MklReproducibility is null)
        {
            _ = SetEnv(ParitySettings.MklVariable, "AUTO,STRICT", overwrite: 0);
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    // The folders the host probes for native libraries (from the app's deps.json), then the app's own.
    private static List<string> SearchDirectories()
    {
        var probed = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] own = [AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, RuntimeFolder)];
        return [.. probed.Concat(own).Select(Path.GetFullPath).Distinct()];
    }

    private static string Find(string file, IEnumerable<string> directories)
    {
        var list = directories.ToList();
        return list.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists)
            ?? throw Unavailable($"{file} was not found in {string.Join(", ", list)}; is the TorchSharp-cpu package restored and built into this folder?");
    }

    /// <summary>
    /// Writes the patched binding beside the one shipped (or in the app's folder when that is outside it, e.g. in the
    /// NuGet cache, which is never written to): a new file renamed over any older copy, so that a process loading it
    /// at the same moment sees either whole file, and the shipped file — possibly a hard link into the NuGet cache —
    /// is never opened for writing. An up-to-date copy is reused.
    /// </summary>
    private static string WritePatchedCopy(string binding, string loadError)
    {
        byte[] patched;
        try
        {
            patched = GlibcxxVersionPatch.Apply(File.ReadAllBytes(binding));
        }
        catch (InvalidDataException why)
        {
            throw Unavailable($"{loadError}; {binding} cannot be patched: {why.Message}");
        }

        var folder = Path.GetDirectoryName(binding)!;
        var app = Path.GetFullPath(AppContext.BaseDirectory);
        var copy = Path.Combine(folder.StartsWith(app, StringComparison.Ordinal) ? folder : app, PatchedName);
        if (File.Exists(copy) && File.ReadAllBytes(copy).AsSpan().SequenceEqual(patched))
        {
            return copy;
        }

        try
        {
            AtomicFile.Write(copy, patched);
            return copy;
        }
        catch (Exception why) when (why is IOException or UnauthorizedAccessException)
        {
            throw Unavailable($"{loadError}; the patched copy cannot be written to {copy}: {why.Message}");
        }
    }

    private static void LoadOrThrow(string path)
    {
        if (!TryLoad(path, out var error))
        {
            throw Unavailable(error);
        }
    }

    // The dynamic loader's message (dlerror), without .NET's advice around it.
    private static bool TryLoad(string path, out string error)
    {
        try
        {
            NativeLibrary.Load(path);
            error = "";
            return true;
        }
        catch (DllNotFoundException failure)
        {
            error = failure.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 1 } lines
                ? lines[^1]
                : failure.Message;
            return false;
        }
    }

    private static string FirstParagraph(Exception error)
    {
        var inner = error is TypeInitializationException { InnerException: { } cause } ? cause : error;
        var text = inner.Message;
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static TorchSharpUnavailableException Unavailable(string why) =>
        new($"TorchSharp (libtorch) cannot be loaded: {why}. {Alternatives}");
}
