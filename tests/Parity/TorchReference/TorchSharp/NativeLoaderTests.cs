using System.Text;
using NUnit.Framework;
using Parity.TorchReference.TorchSharp;

namespace Parity.Tests.TorchReference.TorchSharp;

/// <summary>
/// How TorchSharp's natives load in this test process (once, as in any process), and what a caller hears when they
/// cannot. On this project's machines (Debian 12) the binding needs the patched copy; elsewhere it may load as shipped.
/// </summary>
public sealed class NativeLoaderTests
{
    [Test]
    public void Ensure_ThisMachine_LoadsLibtorch2100WithOneIntraOpThread()
    {
        var runtime = NativeLoader.Ensure();

        Assert.That(runtime.Libtorch, Is.EqualTo("2.10.0"));
        Assert.That(runtime.TorchSharp, Is.EqualTo("0.107.0"));
        Assert.That(runtime.Threads, Is.EqualTo(1));
        Assert.That(runtime.Version, Is.EqualTo("libtorch 2.10.0 (TorchSharp 0.107.0)"));
    }

    [Test]
    [Platform("Linux")]
    public void Ensure_ThisMachine_PatchesTheBindingExactlyWhenLibstdcxxLacksTheVersion()
    {
        var runtime = NativeLoader.Ensure();

        // The libstdc++ this process runs with defines a version when its version strings include the name.
        var libstdcxx = MappedFiles().Single(f => Path.GetFileName(f).StartsWith(GlibcxxVersionPatch.Library, StringComparison.Ordinal));
        var defines = File.ReadAllBytes(libstdcxx).AsSpan().IndexOf(Encoding.ASCII.GetBytes(GlibcxxVersionPatch.Needed + "\0")) >= 0;
        Assert.That(runtime.Binding, defines ? Is.EqualTo("as shipped") : Does.StartWith("patched copy").And.Contain(NativeLoader.PatchedName), libstdcxx);
    }

    [Test]
    [Platform("Linux")]
    public void Ensure_DebianLibtorchOnTheDefaultPath_BindsOnlyTheOutputFoldersLibtorch()
    {
        NativeLoader.Ensure();

        var libtorch = MappedFiles().Where(f => Path.GetFileName(f).StartsWith("libtorch", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("libc10", StringComparison.Ordinal)).ToList();
        Assert.That(libtorch, Is.Not.Empty);
        Assert.That(libtorch, Is.All.StartWith(Path.GetFullPath(AppContext.BaseDirectory)), "every libtorch library mapped comes from the output folder");
    }

    [Test]
    public void Ensure_AfterLoading_TorchSharpsLoaderCopiedNothingIntoTheOutputFolder()
    {
        NativeLoader.Ensure();

        // TorchSharp copies 478 MB of libraries into bin/cpu when its own load fails: it never got that far.
        Assert.That(Path.Combine(AppContext.BaseDirectory, "cpu"), Does.Not.Exist);
    }

    [Test]
    [Platform("Linux")]
    public void LoadLinuxNatives_FolderWithoutLibtorch_SaysWhichFileIsMissingWhereAndWhatElseToUse()
    {
        var folder = Directory.CreateTempSubdirectory("parity-natives-").FullName;
        try
        {
            var error = Assert.Throws<TorchSharpUnavailableException>(() => NativeLoader.LoadLinuxNatives([folder]));

            Assert.That(error!.Message, Does.Contain($"libtorch_cpu.so was not found in {folder}")
                .And.Contain("--reference pytorch").And.Contain("--reference fixtures"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    [Platform("Linux")]
    public void LoadLinuxNatives_LibtorchThatIsNoLibrary_GivesTheDynamicLoadersOwnError()
    {
        var folder = Directory.CreateTempSubdirectory("parity-natives-").FullName;
        try
        {
            var broken = Path.Combine(folder, "libtorch_cpu.so");
            File.WriteAllText(broken, new string('x', 4096));

            var error = Assert.Throws<TorchSharpUnavailableException>(() => NativeLoader.LoadLinuxNatives([folder]));

            // dlerror's words, not TorchSharp's advice to reference a package.
            Assert.That(error!.Message, Does.Contain($"{broken}: invalid ELF header").And.Not.Contain("package"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The files mapped into this process: the path that ends each line of /proc/self/maps that has one.
    private static IEnumerable<string> MappedFiles() =>
        File.ReadLines("/proc/self/maps").Select(line => (line, at: line.IndexOf('/', StringComparison.Ordinal)))
            .Where(m => m.at >= 0).Select(m => m.line[m.at..]).Distinct();
}
