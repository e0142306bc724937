using System.Buffers.Binary;
using System.Text;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// The one edit that lets TorchSharp 0.107's <c>libLibTorchSharp.so</c> load on Debian 12. It was built with GCC 13
/// and asks libstdc++ for the version <c>GLIBCXX_3.4.32</c>; Debian 12's libstdc++ (GCC 12) stops at 3.4.30, so
/// glibc's version check refuses the library. The only symbol at 3.4.32 is <c>std::ios_base_library_init</c>, which
/// GCC 13 references from every object that includes &lt;iostream&gt; but which no relocation binds: nothing in the
/// process ever looks it up. The edit renames the version-need entry to <c>GLIBCXX_3.4.30</c> (a string of the same
/// length, its ELF hash recomputed), which Debian 12's libstdc++ has.
/// </summary>
/// <remarks>
/// The edit is made only when it is safe: <see cref="Apply"/> first checks, from the file's own relocation tables,
/// that no relocation binds a symbol of that version, and refuses otherwise. ELF64 little-endian (x86-64) only.
/// </remarks>
internal static class GlibcxxVersionPatch
{
    /// <summary>The version TorchSharp's binding asks for (GCC 13).</summary>
    public const string Needed = "GLIBCXX_3.4.32";

    /// <summary>What the edited copy asks for instead: Debian 12's newest (GCC 12).</summary>
    public const string Replacement = "GLIBCXX_3.4.30";

    /// <summary>The library that defines both.</summary>
    public const string Library = "libstdc++.so.6";

    private const uint Rela = 4; // SHT_RELA
    private const uint Dynsym = 11; // SHT_DYNSYM
    private const uint GnuVersym = 0x6fffffff; // SHT_GNU_versym (.gnu.version): one version index per dynamic symbol

    /// <summary>A copy of the ELF image <paramref name="elf"/> whose need for <see cref="Needed"/> reads <see cref="Replacement"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// Not an ELF64 little-endian file, no need for <see cref="Needed"/> from libstdc++, or a relocation binds a symbol
    /// of that version (then renaming it would leave that symbol unresolved): the message says which.
    /// </exception>
    public static byte[] Apply(ReadOnlySpan<byte> elf)
    {
        var image = new Elf(elf.ToArray());
        var need = image.VersionNeeds().FirstOrDefault(n => n.File == Library && n.Version == Needed)
            ?? throw new InvalidDataException($"it needs no {Needed} from {Library}: nothing to patch");
        if (BoundSymbol(image, need.Index) is { } symbol)
        {
            throw new InvalidDataException($"a relocation binds {symbol}@{Needed}: renaming the version would leave it unresolved");
        }

        Encoding.ASCII.GetBytes(Replacement).CopyTo(image.Bytes, need.NameOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(image.Bytes.AsSpan((int)need.Offset), ElfHash(Replacement));
        return image.Bytes;
    }

    /// <summary>The System V ELF hash that version entries carry (<c>vna_hash</c>).</summary>
    public static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (var c in Encoding.ASCII.GetBytes(name))
        {
            h = (h << 4) + c;
            var g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }

            h &= ~g;
        }

        return h;
    }

    /// <summary>The name of a dynamic symbol of the given version that a relocation refers to, or null when none is.</summary>
    internal static string? BoundSymbol(Elf image, ushort version)
    {
        var dynsymIndex = image.SectionIndex(Dynsym) ?? throw new InvalidDataException("no dynamic symbol table (.dynsym)");
        var dynsym = image.SectionAt(dynsymIndex);
        var versym = image.Section(GnuVersym) ?? throw new InvalidDataException("no symbol version table (.gnu.version)");
        foreach (var rela in image.Sections().Where(s => s.Type == Rela && s.Link == dynsymIndex))
        {
            for (var r = rela.Offset; r < rela.Offset + rela.Size; r += 24) // Elf64_Rela: r_offset, r_info, r_addend
            {
                var symbol = (long)(image.U64(r + 8) >> 32);
                if (symbol != 0 && (image.U16(versym.Offset + (2 * symbol)) & 0x7fff) == version)
                {
                    var strings = image.SectionAt(dynsym.Link);
                    return image.String(strings.Offset + image.U32(dynsym.Offset + (24 * symbol)));
                }
            }
        }

        return null;
    }
}
