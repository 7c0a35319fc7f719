using System.Formats.Tar;
using PracticeK8s.Engine.Copy;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Tests.Copy;

/// <summary>The untar of kubectl cp pod:SRC DEST with hand-made archives, hostile ones included.</summary>
public sealed class SafeExtractorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("extract-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static MemoryStream Archive(params TarEntry[] entries)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach (var entry in entries)
                writer.WriteEntry(entry);
        }
        stream.Position = 0;
        return stream;
    }

    private static TarEntry File(string name, string text, UnixFileMode mode = (UnixFileMode)0b110_100_100) =>
        new GnuTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), Mode = mode };

    private static TarEntry Dir(string name) => new GnuTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)0b111_101_101 };

    private static TarEntry Link(TarEntryType type, string name, string target) => new GnuTarEntry(type, name) { LinkName = target };

    private string[] FilesUnder(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).OrderBy(f => f).ToArray();

    [Fact]
    public async Task Directory_IsWrittenUnderTheDestination_WithoutTheSourcePrefix()
    {
        var dest = Path.Combine(_root, "out");
        var summary = await new SafeExtractor("/tmp/site", dest).ExtractAsync(
            Archive(Dir("tmp/site"), File("tmp/site/index.html", "<h1>hi</h1>"), Dir("tmp/site/img"), File("tmp/site/img/a.txt", "a")), default);
        Assert.Equal(new[] { "out/img/a.txt", "out/index.html" }, FilesUnder(_root));
        Assert.Equal("<h1>hi</h1>", System.IO.File.ReadAllText(Path.Combine(dest, "index.html")));
        Assert.Equal(2, summary.Files);
        Assert.Equal(2, summary.Directories);
        Assert.Empty(summary.Refused);
    }

    [Fact]
    public async Task SingleFile_BecomesTheDestinationFile()
    {
        var dest = Path.Combine(_root, "copy.txt");
        await new SafeExtractor("/etc/hostname", dest).ExtractAsync(Archive(File("etc/hostname", "web-0\n")), default);
        Assert.Equal("web-0\n", System.IO.File.ReadAllText(dest));
    }

    [Theory]
    [InlineData("tmp/x/../../escaped.txt")]
    [InlineData("tmp/x/sub/../../../escaped.txt")]
    [InlineData("tmp/x/../../../../../../escaped.txt")]
    public async Task DotDotEntries_AreRefusedByName_AndNothingIsWrittenOutside(string evil)
    {
        var dest = Path.Combine(_root, "inner", "dest");
        var refused = new List<UnsafeEntryException>();
        var summary = await new SafeExtractor("/tmp/x", dest) { OnRefused = refused.Add }.ExtractAsync(
            Archive(File("tmp/x/ok.txt", "fine"), File(evil, "evil")), default);
        Assert.Equal(new[] { "inner/dest/ok.txt" }, FilesUnder(_root));
        Assert.Equal(new[] { evil }, summary.Refused);
        Assert.Equal(evil, Assert.Single(refused).Entry);
        Assert.Contains(evil, refused[0].Message);
        Assert.Equal("KubeCopyUnsafeEntry", refused[0].ErrorId);
    }

    [Fact]
    public async Task EntriesOutsideTheSourcePrefix_AbortAsCorrupted()
    {
        var error = await Assert.ThrowsAsync<KubeException>(() => new SafeExtractor("/tmp/x", Path.Combine(_root, "d"))
            .ExtractAsync(Archive(File("tmp/x/ok.txt", "fine"), File("etc/passwd", "root")), default));
        Assert.StartsWith("tar contents corrupted", error.Message);
        Assert.Contains("etc/passwd", error.Message);
        Assert.False(System.IO.File.Exists(Path.Combine(_root, "etc", "passwd")));
    }

    [Fact]
    public async Task AbsoluteNames_AreCorruptedUnlessUnderThePrefix()
    {
        var error = await Assert.ThrowsAsync<KubeException>(() => new SafeExtractor("/tmp/x", Path.Combine(_root, "d"))
            .ExtractAsync(Archive(File("/tmp/x/../../abs.txt", "evil")), default));
        Assert.StartsWith("tar contents corrupted", error.Message);
        Assert.Empty(FilesUnder(_root));
    }

    [Fact]
    public async Task SymbolicLinks_AreNeverCreated_AndLinksPointingOutsideAreRefused()
    {
        var dest = Path.Combine(_root, "d");
        var refused = new List<UnsafeEntryException>();
        var warnings = new List<string>();
        var summary = await new SafeExtractor("/tmp/x", dest) { OnRefused = refused.Add, OnWarning = warnings.Add }.ExtractAsync(Archive(
            File("tmp/x/real.txt", "real"),
            Link(TarEntryType.SymbolicLink, "tmp/x/inside", "real.txt"),
            Link(TarEntryType.SymbolicLink, "tmp/x/passwd", "../../../etc/passwd"),
            Link(TarEntryType.SymbolicLink, "tmp/x/abs", "/etc/shadow")), default);
        Assert.Equal(new[] { "d/real.txt" }, FilesUnder(_root));
        Assert.Equal(new[] { "tmp/x/passwd", "tmp/x/abs" }, summary.Refused);
        Assert.Equal(new[] { "tmp/x/inside" }, summary.SkippedLinks);
        Assert.Contains(warnings, w => w.StartsWith("skipping symlink: ") && w.EndsWith("-> \"real.txt\""));
        Assert.Contains("../../../etc/passwd", refused[0].Message);
    }

    [Fact]
    public async Task HardLinks_CopyAFileAlreadyExtracted_AndAreRefusedOtherwise()
    {
        var dest = Path.Combine(_root, "d");
        var summary = await new SafeExtractor("/tmp/x", dest).ExtractAsync(Archive(
            File("tmp/x/real.txt", "real"),
            Link(TarEntryType.HardLink, "tmp/x/same.txt", "tmp/x/real.txt"),
            Link(TarEntryType.HardLink, "tmp/x/shadow", "etc/shadow")), default);
        Assert.Equal("real", System.IO.File.ReadAllText(Path.Combine(dest, "same.txt")));
        Assert.Equal(new[] { "tmp/x/shadow" }, summary.Refused);
        Assert.False(System.IO.File.Exists(Path.Combine(dest, "shadow")));
    }

    [Fact]
    public async Task Modes_AreRestoredUnlessNotPreserving_NeverSetUid()
    {
        if (OperatingSystem.IsWindows())
            return; // Unix permission bits do not exist there.
        var archive = () => Archive(File("tmp/x/run.sh", "#!/bin/sh", (UnixFileMode)0b111_101_000 | UnixFileMode.SetUser));
        await new SafeExtractor("/tmp/x", Path.Combine(_root, "kept")).ExtractAsync(archive(), default);
        Assert.Equal((UnixFileMode)0b111_101_000, System.IO.File.GetUnixFileMode(Path.Combine(_root, "kept", "run.sh")));
        await new SafeExtractor("/tmp/x", Path.Combine(_root, "plain")) { PreserveModes = false }.ExtractAsync(archive(), default);
        Assert.NotEqual((UnixFileMode)0b111_101_000, System.IO.File.GetUnixFileMode(Path.Combine(_root, "plain", "run.sh")));
    }

    [Fact]
    public async Task BackslashesAndDriveLetters_AreTreatedAsRemotePathText()
    {
        var dest = Path.Combine(_root, "d");
        var refused = new List<UnsafeEntryException>();
        await new SafeExtractor("/tmp/x", dest) { OnRefused = refused.Add }.ExtractAsync(Archive(
            File("tmp/x/..\\..\\win.txt", "evil"), File("tmp/x/C:\\ok.txt", "ok")), default);
        Assert.Equal("tmp/x/..\\..\\win.txt", Assert.Single(refused).Entry);
        Assert.DoesNotContain(FilesUnder(_root), f => f.Contains("win.txt"));
    }

    [Fact]
    public async Task ExistingSymlinkedFolderInTheDestination_IsNotWrittenThrough()
    {
        // The user's folder already holds "site" -> outside; copying pod:/tmp/site into the folder must not follow it.
        var folder = Directory.CreateDirectory(Path.Combine(_root, "folder")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder, "site"), outside);
        var refused = new List<UnsafeEntryException>();
        var summary = await new SafeExtractor("/tmp/site", Path.Combine(folder, "site"), folder) { OnRefused = refused.Add }.ExtractAsync(Archive(
            Dir("tmp/site/"), File("tmp/site/index.html", "evil")), default);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.Equal(0, summary.Files);
        Assert.Contains(refused, r => r.Entry == "tmp/site/index.html" && r.Message.Contains("symbolic link") && r.Message.Contains(outside));
        Assert.Equal("KubeCopyUnsafeEntry", refused[0].ErrorId);
    }

    [Fact]
    public async Task SymlinkedSubfolderOrFile_LeavingTheDestination_IsRefusedNamingTheEntry()
    {
        var dest = Directory.CreateDirectory(Path.Combine(_root, "dest")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(dest, "conf"), outside);
        System.IO.File.CreateSymbolicLink(Path.Combine(dest, "passwd"), Path.Combine(outside, "passwd"));
        Directory.CreateDirectory(Path.Combine(dest, "real"));
        Directory.CreateSymbolicLink(Path.Combine(dest, "inside"), Path.Combine(dest, "real"));
        var refused = new List<UnsafeEntryException>();
        var summary = await new SafeExtractor("/tmp/x", dest, dest) { OnRefused = refused.Add }.ExtractAsync(Archive(
            File("tmp/x/conf/app.conf", "evil"), File("tmp/x/passwd", "evil"), File("tmp/x/inside/ok.txt", "fine"), File("tmp/x/plain.txt", "fine")), default);
        Assert.Equal(["tmp/x/conf/app.conf", "tmp/x/passwd"], refused.Select(r => r.Entry).ToArray());
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.Equal(2, summary.Files);
        Assert.Equal("fine", System.IO.File.ReadAllText(Path.Combine(dest, "real", "ok.txt")));
    }
}
