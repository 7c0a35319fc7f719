using System.Formats.Tar;
using PracticeK8s.Engine.Copy;

namespace PracticeK8s.Tests.Copy;

/// <summary>The archive kubectl cp LOCAL pod:DEST sends: names under the destination's base name, and a round trip through the safe untar.</summary>
public sealed class TarPackerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pack-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Directory_EntriesAreNamedAfterTheDestination_EmptyDirectoriesKept()
    {
        var src = Path.Combine(_root, "site");
        Directory.CreateDirectory(Path.Combine(src, "img"));
        Directory.CreateDirectory(Path.Combine(src, "empty"));
        File.WriteAllText(Path.Combine(src, "index.html"), "hi");
        File.WriteAllBytes(Path.Combine(src, "img", "a.bin"), [1, 2, 3]);
        var packer = new TarPacker(src, "public");
        Assert.Equal(5, packer.TotalBytes());
        using var stream = new MemoryStream();
        await packer.WriteAsync(stream, default);
        stream.Position = 0;
        var names = new List<(string, TarEntryType)>();
        using (var reader = new TarReader(stream))
        {
            while (reader.GetNextEntry() is { } e)
                names.Add((e.Name.TrimEnd('/'), e.EntryType));
        }
        Assert.Equal(new[]
        {
            ("public", TarEntryType.Directory), ("public/empty", TarEntryType.Directory), ("public/img", TarEntryType.Directory),
            ("public/img/a.bin", TarEntryType.RegularFile), ("public/index.html", TarEntryType.RegularFile),
        }, names);
    }

    [Fact]
    public async Task RoundTrip_ThroughTheExtractor_IsByteIdentical()
    {
        var src = Path.Combine(_root, "src");
        Directory.CreateDirectory(Path.Combine(src, "a", "b"));
        var data = new byte[200_000];
        new Random(7).NextBytes(data);
        File.WriteAllBytes(Path.Combine(src, "a", "b", "blob"), data);
        File.WriteAllText(Path.Combine(src, "note.txt"), "note");
        using var stream = new MemoryStream();
        long reported = 0;
        await new TarPacker(src, "copy") { OnProgress = b => reported = b }.WriteAsync(stream, default);
        Assert.Equal(200_004, reported);
        stream.Position = 0;
        var dest = Path.Combine(_root, "dest");
        await new SafeExtractor("copy", dest).ExtractAsync(stream, default);
        Assert.Equal(data, File.ReadAllBytes(Path.Combine(dest, "a", "b", "blob")));
        Assert.Equal("note", File.ReadAllText(Path.Combine(dest, "note.txt")));
    }
}
