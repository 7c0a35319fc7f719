using System.Text;
using PracticeK8s.Engine.Exec;

namespace PracticeK8s.Engine.Copy;

/// <summary>
/// The entries of one directory inside a container, for completing the path of a "pod:path" spec:
/// "ls -1Ap" run over exec (as kubectl's completion lists remote files), directories with a trailing '/'.
/// The output read is capped, so a huge directory cannot hold completion up.
/// </summary>
public static class RemoteListing
{
    public const int MaxOutputBytes = 256 * 1024;

    /// <summary>The directory to list ("" for the container's working directory) and the name prefix typed after it.</summary>
    public static (string Directory, string Prefix) Split(string typedPath)
    {
        var slash = typedPath.LastIndexOf('/');
        return slash < 0 ? ("", typedPath) : (typedPath[..(slash + 1)], typedPath[(slash + 1)..]);
    }

    /// <summary>The command: the directory as one argument after "--", never through a shell.</summary>
    public static IReadOnlyList<string> Command(string directory) =>
        ["ls", "-1Ap", "--", directory.Length == 0 ? "." : directory];

    /// <summary>The names ls printed, one a line; "./" and "../" left out.</summary>
    public static IReadOnlyList<string> Entries(string output) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0 && line is not ("./" or "../")).ToList();

    /// <summary>Lists <paramref name="directory"/> in the container; no entries when ls fails.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(PodExec exec, ExecTarget target, string directory, CancellationToken cancel)
    {
        var output = new MemoryStream();
        var outcome = await exec.RunAsync(target, Command(directory), new ExecStreams
        {
            Stdout = (data, _) =>
            {
                if (output.Length + data.Length <= MaxOutputBytes)
                    output.Write(data.Span);
                return ValueTask.CompletedTask;
            },
            Stderr = (_, _) => ValueTask.CompletedTask,
        }, cancel).ConfigureAwait(false);
        return outcome.ExitCode == 0 ? Entries(Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length)) : [];
    }
}
