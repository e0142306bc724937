using System.Buffers.Binary;
using NUnit.Framework;
using Parity.TorchReference.TorchSharp;

namespace Parity.Tests.TorchReference.TorchSharp;

/// <summary>The edit that lets TorchSharp's binding load on Debian 12, on the binding the package ships.</summary>
[Platform("Linux")]
public sealed class GlibcxxVersionPatchTests
{
    private static byte[] Shipped()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new InconclusiveException($"no binding at {path}");
    }

    [Test]
    public void ElfHash_EveryVersionTheBindingNeeds_EqualsTheHashRecordedForIt()
    {
        var needs = new Elf(Shipped()).VersionNeeds().ToList();

        Assert.That(needs, Has.Count.GreaterThan(20), "the binding's version needs");
        Assert.That(needs.Where(n => n.Hash != GlibcxxVersionPatch.ElfHash(n.Version)).Select(n => n.Version), Is.Empty);
    }

    [Test]
    public void BoundSymbol_ShippedBinding_NoRelocationBindsTheVersionThatIsRenamed()
    {
        var image = new Elf(Shipped());
        var need = image.VersionNeeds().Single(n => n.Version == GlibcxxVersionPatch.Needed);

        Assert.That(GlibcxxVersionPatch.BoundSymbol(image, need.Index), Is.Null);
    }

    [Test]
    public void Apply_ShippedBinding_RenamesTheOneNeedAndChangesNoOtherByte()
    {
        var shipped = Shipped();
        var need = new Elf(shipped).VersionNeeds().Single(n => n.Version == GlibcxxVersionPatch.Needed);

        var patched = GlibcxxVersionPatch.Apply(shipped);

        var after = new Elf(patched).VersionNeeds().Single(n => n.Offset == need.Offset);
        Assert.That(after.Version, Is.EqualTo(GlibcxxVersionPatch.Replacement));
        Assert.That(after.Hash, Is.EqualTo(GlibcxxVersionPatch.ElfHash(GlibcxxVersionPatch.Replacement)));
        Assert.That(patched, Has.Length.EqualTo(shipped.Length));
        bool InHash(long i) => i >= need.Offset && i < need.Offset + 4;
        bool InName(long i) => i >= need.NameOffset && i < need.NameOffset + GlibcxxVersionPatch.Needed.Length;
        var changed = Enumerable.Range(0, shipped.Length).Where(i => shipped[i] != patched[i]).ToList();
        Assert.That(changed, Is.Not.Empty);
        Assert.That(changed.Where(i => !InHash(i) && !InName(i)), Is.Empty, "bytes changed outside the entry's hash and name");
    }

    [Test]
    public void Apply_AlreadyPatched_SaysThereIsNothingToPatch()
    {
        var once = GlibcxxVersionPatch.Apply(Shipped());

        var error = Assert.Throws<InvalidDataException>(() => GlibcxxVersionPatch.Apply(once));

        Assert.That(error!.Message, Does.Contain($"needs no {GlibcxxVersionPatch.Needed}").And.Contain("nothing to patch"));
    }

    [Test]
    public void Apply_RelocationBindsASymbolOfTheVersion_RefusesAndNamesTheSymbol()
    {
        // The shipped binding with its first symbol relocation pointed at std::ios_base_library_init, the symbol
        // of the version that the patch renames: renaming it would now leave a relocation unresolved.
        var bytes = Shipped();
        var image = new Elf(bytes);
        var need = image.VersionNeeds().Single(n => n.Version == GlibcxxVersionPatch.Needed);
        var versym = image.Sections().Single(s => s.Type == 0x6fffffff);
        var symbol = Enumerable.Range(0, (int)(versym.Size / 2)).First(i => (image.U16(versym.Offset + (2 * i)) & 0x7fff) == need.Index);
        var rela = image.Sections().First(s => s.Type == 4 && s.Size > 0);
        var entry = Enumerable.Range(0, (int)(rela.Size / 24)).Select(i => rela.Offset + (24 * i)).First(r => image.U64(r + 8) >> 32 != 0);
        var info = ((ulong)symbol << 32) | (image.U64(entry + 8) & 0xffffffff);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)entry + 8), info);

        var error = Assert.Throws<InvalidDataException>(() => GlibcxxVersionPatch.Apply(bytes));

        Assert.That(error!.Message, Does.Contain("ios_base_library_init").And.Contain("a relocation binds"));
    }

    [Test]
    public void Apply_NotAnElfFile_SaysSo()
    {
        var error = Assert.Throws<InvalidDataException>(() => GlibcxxVersionPatch.Apply("#!/bin/sh\necho not a library\n"u8.ToArray()));

        Assert.That(error!.Message, Does.Contain("not an ELF64 little-endian file"));
    }
}
