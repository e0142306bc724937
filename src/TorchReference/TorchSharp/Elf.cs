using System.Buffers.Binary;
using System.Text;

namespace Parity.TorchReference.TorchSharp;

/// <summary>
/// Just enough of an ELF64 little-endian image to find sections and read their entries (the System V gABI's
/// layouts). Every read is bounds-checked: a truncated or foreign file is an <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class Elf
{
    private const uint NoBits = 8; // SHT_NOBITS (.bss): occupies no bytes of the file
    private const uint GnuVerneed = 0x6ffffffe; // SHT_GNU_verneed (.gnu.version_r)

    public Elf(byte[] bytes)
    {
        Bytes = bytes;
        if (bytes.Length < 64 || !bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException("not an ELF64 little-endian file");
        }
    }

    /// <summary>A section header (Elf64_Shdr): its type, file offset, size, sh_link and sh_info.</summary>
    public sealed record SectionHeader(uint Type, long Offset, long Size, uint Link, uint Info);

    /// <summary>
    /// One version a needed library must define (an Elf64_Vernaux): the library, the version's name, the hash recorded
    /// for it (vna_hash), the index symbols of that version carry (vna_other), and the file offsets of the entry and of
    /// the name's string.
    /// </summary>
    public sealed record VersionNeed(string File, string Version, uint Hash, ushort Index, long Offset, long NameOffset);

    /// <summary>The image; edits write into it.</summary>
    public byte[] Bytes { get; }

    public IEnumerable<SectionHeader> Sections()
    {
        for (uint i = 0; i < U16(0x3C); i++)
        {
            yield return SectionAt(i);
        }
    }

    /// <summary>The first section of the type, or null.</summary>
    public SectionHeader? Section(uint type) => Sections().FirstOrDefault(s => s.Type == type);

    /// <summary>The index of the first section of the type, or null.</summary>
    public uint? SectionIndex(uint type) =>
        Sections().Select((s, i) => (s, i: (uint)i)).Where(x => x.s.Type == type).Select(x => (uint?)x.i).FirstOrDefault();

    public SectionHeader SectionAt(uint index)
    {
        if (index >= U16(0x3C))
        {
            throw new InvalidDataException($"section {index} does not exist");
        }

        var at = (long)U64(0x28) + (index * (long)U16(0x3A));
        var header = new SectionHeader(U32(at + 4), (long)U64(at + 0x18), (long)U64(at + 0x20), U32(at + 0x28), U32(at + 0x2C));
        var inFile = header.Type == NoBits || (header.Offset >= 0 && header.Size >= 0 && header.Offset + header.Size <= Bytes.Length);
        return !inFile
            ? throw new InvalidDataException($"section {index} lies outside the file")
            : header;
    }

    /// <summary>Every version the image needs, from its version-need section (none when it has none).</summary>
    public IEnumerable<VersionNeed> VersionNeeds()
    {
        if (Section(GnuVerneed) is not { } verneed)
        {
            yield break;
        }

        var strings = SectionAt(verneed.Link);
        var need = verneed.Offset;
        for (var n = 0; n < verneed.Info; n++) // Elf64_Verneed: vn_version, vn_cnt, vn_file, vn_aux, vn_next
        {
            var file = String(strings.Offset + U32(need + 4));
            var aux = need + U32(need + 8);
            for (var a = 0; a < U16(need + 2); a++) // Elf64_Vernaux: vna_hash, vna_flags, vna_other, vna_name, vna_next
            {
                var name = strings.Offset + U32(aux + 8);
                yield return new VersionNeed(file, String(name), U32(aux), U16(aux + 6), aux, name);
                aux += U32(aux + 12);
            }

            need += U32(need + 12);
        }
    }

    public ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(at, 2));

    public uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(at, 4));

    public ulong U64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(at, 8));

    /// <summary>The NUL-terminated string at the offset.</summary>
    public string String(long at)
    {
        var rest = Slice(at, 0, toEnd: true);
        var end = rest.IndexOf((byte)0);
        return end < 0 ? throw new InvalidDataException($"unterminated string at {at}") : Encoding.ASCII.GetString(rest[..end]);
    }

    private ReadOnlySpan<byte> Slice(long at, int length, bool toEnd = false) =>
        at < 0 || at + length > Bytes.Length
            ? throw new InvalidDataException($"read past the end of the file at offset {at}")
            : Bytes.AsSpan((int)at, toEnd ? Bytes.Length - (int)at : length);
}
