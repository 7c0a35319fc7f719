using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Runtime.FileSystem;

/// <summary>
/// A container's private directory, which stands for its root file system: commands run there, and
/// absolute paths given to them (<c>cat /etc/hostname</c>, <c>tar cf - /tmp/x</c>, <c>test -d /tmp</c>)
/// are taken inside it. Directories the sandbox makes are 0700 and its files 0600. Seeded with <c>/etc/hostname</c>, <c>/etc/hosts</c>, <c>/tmp</c> and the image's files.
/// </summary>
public sealed class ContainerRoot(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Creates the directory tree and the seed files (existing files are kept).</summary>
    public void Create(string hostname, IEnumerable<(string Path, string Content)> imageFiles,
        IEnumerable<(string Path, string Content)>? etcFiles = null)
    {
        foreach (var dir in new[] { "tmp", "etc", "root", "var/log", "var/tmp" })
            PrivateFiles.CreateDirectory(Path.Combine(Directory, dir));
        foreach (var (path, content) in etcFiles ?? Array.Empty<(string, string)>()) WriteIfMissing(path, content);
        WriteIfMissing("etc/hostname", hostname + "\n");
        WriteIfMissing("etc/hosts", $"127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.0.1\t{hostname}\n");
        foreach (var (path, content) in imageFiles) WriteIfMissing(path, content);
    }

    /// <summary>A program the image brings (0700: the container's root, the sandbox's user mapped to 0, runs it); an existing file is kept.</summary>
    public void CreateExecutable(string relative, string content)
    {
        var path = Map("/" + relative);
        WriteIfMissing(relative, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void WriteIfMissing(string relative, string content)
    {
        var path = Map("/" + relative);
        if (File.Exists(path)) return;
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        PrivateFiles.TryCreateNew(path, content);
    }

    /// <summary>The host path of a container path (absolute, or relative to <paramref name="workingDir"/>); never outside the root.</summary>
    public string Map(string containerPath, string? workingDir = null)
    {
        var combined = containerPath.StartsWith('/') ? containerPath : $"{(workingDir ?? "/").TrimEnd('/')}/{containerPath}";
        var parts = new List<string>();
        foreach (var segment in combined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(segment);
        }
        var mapped = parts.Count == 0 ? Directory : Path.Combine(new[] { Directory }.Concat(parts).ToArray());
        return containerPath.EndsWith('/') && parts.Count > 0 ? mapped + Path.DirectorySeparatorChar : mapped;
    }

    /// <summary>The working directory (container <c>workingDir</c>, default <c>/</c>) on the host, created when missing.</summary>
    public string WorkingDirectory(string? workingDir)
    {
        var path = Map(string.IsNullOrEmpty(workingDir) ? "/" : workingDir);
        PrivateFiles.CreateDirectory(path);
        return path;
    }

    /// <summary>Commands whose absolute-path arguments are text, not files.</summary>
    private static readonly HashSet<string> TextCommands = new(StringComparer.Ordinal) { "echo", "printf", "sh", "bash", "ash", "dash", "env", "expr", "test", "[" };

    /// <summary>
    /// Rewrites an argv so its absolute file arguments point into the root. <c>tar</c> operands become
    /// relative to <c>-C &lt;root&gt;</c> so archive member names stay what they would be in a container
    /// (<c>tmp/x</c>). Shell scripts (<c>sh -c "…"</c>) are left as written.
    /// </summary>
    public IReadOnlyList<string> MapArguments(IReadOnlyList<string> argv)
    {
        if (argv.Count <= 1) return argv;
        var command = Path.GetFileName(argv[0]);
        if (command == "tar") return MapTar(argv);
        if (command is "test" or "[") return MapTest(argv);
        if (TextCommands.Contains(command)) return argv;
        var result = new List<string> { argv[0] };
        result.AddRange(argv.Skip(1).Select(a => IsAbsolute(a) ? Map(a) : a));
        return result;
    }

    private static bool IsAbsolute(string a) => a.Length > 0 && a[0] == '/';

    /// <summary><c>test -d /tmp</c> (what kubectl cp sends) — operands after a file-test flag are paths.</summary>
    private IReadOnlyList<string> MapTest(IReadOnlyList<string> argv)
    {
        var result = new List<string> { argv[0] };
        for (int i = 1; i < argv.Count; i++)
        {
            var previous = argv[i - 1];
            var isFileOperand = previous.Length == 2 && previous[0] == '-' && "bcdefghkLprSsuwxO".Contains(previous[1]);
            result.Add(isFileOperand && IsAbsolute(argv[i]) ? Map(argv[i]) : argv[i]);
        }
        return result;
    }

    private IReadOnlyList<string> MapTar(IReadOnlyList<string> argv)
    {
        var result = new List<string> { argv[0] };
        bool rootAdded = false;
        // Options that take the next argument as a value (bundled or not): f, C, T, X, b, H...
        var first = argv[1];
        var oldStyle = first.Length > 0 && first[0] != '-';
        var pendingValues = new Queue<char>();
        for (int i = 1; i < argv.Count; i++)
        {
            var a = argv[i];
            if (pendingValues.Count > 0)
            {
                var opt = pendingValues.Dequeue();
                result.Add(opt is 'C' or 'T' or 'X' && IsAbsolute(a) ? Map(a) : opt == 'f' && IsAbsolute(a) ? Map(a) : a);
                continue;
            }
            if (i == 1 && oldStyle || a.StartsWith('-') && !a.StartsWith("--") && a.Length > 1)
            {
                result.Add(a);
                foreach (var ch in a.TrimStart('-'))
                    if (ch is 'f' or 'C' or 'T' or 'X' or 'b' or 'H' or 'K' or 'N' or 'V' or 'g') pendingValues.Enqueue(ch);
                continue;
            }
            if (a.StartsWith("--"))
            {
                var eq = a.IndexOf('=');
                if (eq > 0 && a[..eq] is "--directory" or "--file" && IsAbsolute(a[(eq + 1)..])) result.Add(a[..(eq + 1)] + Map(a[(eq + 1)..]));
                else result.Add(a);
                if (eq < 0 && a is "--directory" or "--file") pendingValues.Enqueue(a == "--file" ? 'f' : 'C');
                continue;
            }
            if (IsAbsolute(a))
            {
                if (!rootAdded)
                {
                    result.Add("-C");
                    result.Add(Directory);
                    rootAdded = true;
                }
                var relative = a.TrimStart('/');
                result.Add(relative.Length == 0 ? "." : relative);
            }
            else result.Add(a);
        }
        return result;
    }

    /// <summary>
    /// Drops everything the previous instance wrote (a restarted container gets a fresh writable layer):
    /// the directory is moved aside at once, then deleted as far as it can be.
    /// </summary>
    public void Reset()
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        var aside = $"{Directory}.previous-{Guid.NewGuid():N}";
        try { System.IO.Directory.Move(Directory, aside); }
        catch (IOException) { Delete(); return; }
        catch (UnauthorizedAccessException) { Delete(); return; }
        try { System.IO.Directory.Delete(aside, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public void Delete()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        DeleteLayerWork();
    }

    /// <summary>
    /// The overlay work directories beside the root (see enter-container-root.sh): the kernel makes
    /// their <c>work</c> directory mode 000, which this user may not list until it opens it up again.
    /// </summary>
    private void DeleteLayerWork()
    {
        var layerWork = Directory + ".layer-work";
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(layerWork)) return;
        try
        {
            foreach (var dir in System.IO.Directory.EnumerateDirectories(layerWork))
            foreach (var inner in System.IO.Directory.EnumerateDirectories(dir))
                File.SetUnixFileMode(inner, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            System.IO.Directory.Delete(layerWork, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
