using System.Text.RegularExpressions;
using PracticeK8s.Engine.Files;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// Where practice clusters keep their state: $PRACTICEK8S_HOME, by default the user's own state
/// folder (Linux: $XDG_STATE_HOME/practicek8s or ~/.local/state/practicek8s; macOS:
/// ~/Library/Application Support/PracticeK8s; Windows: %LOCALAPPDATA%\PracticeK8s), with one
/// folder per named instance under instances/.
/// </summary>
public static partial class SandboxHome
{
    public const string DefaultName = "practicek8s";
    public const string ReadOnlySuffix = "-readonly";

    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PRACTICEK8S_HOME") is { Length: > 0 } home)
                return Path.GetFullPath(Config.KubeConfigPaths.ExpandHome(home));
            var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PracticeK8s");
            if (OperatingSystem.IsMacOS())
                return Path.Combine(profile, "Library", "Application Support", "PracticeK8s");
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            return Path.Combine(state is { Length: > 0 } && Path.IsPathRooted(state) ? state : Path.Combine(profile, ".local", "state"), "practicek8s");
        }
    }

    public static string InstancesRoot => Path.Combine(Root, "instances");

    public static string InstanceDirectory(string name) => Path.Combine(InstancesRoot, name);

    /// <summary>The names of the instances that have a folder, sorted.</summary>
    public static IReadOnlyList<string> Names()
    {
        if (!Directory.Exists(InstancesRoot))
            return [];
        return Directory.EnumerateDirectories(InstancesRoot).Select(Path.GetFileName).OfType<string>()
            .Where(IsValidName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A name is a DNS label (it becomes a kubeconfig context), and not one a read-only context would take.</summary>
    public static bool IsValidName(string name) =>
        name.Length <= 40 && NamePattern().IsMatch(name) && !name.EndsWith(ReadOnlySuffix, StringComparison.Ordinal);

    public static void ValidateName(string name)
    {
        if (!IsValidName(name))
            throw new Errors.KubeException(
                $"'{name}' is not a sandbox name: use up to 40 lower-case letters, digits and '-', starting and ending with a letter or digit, not ending in '{ReadOnlySuffix}'",
                "KubeSandboxInvalidName", System.Management.Automation.ErrorCategory.InvalidArgument, name);
    }

    /// <summary>Creates the instance folder (and the home) private to the user; refuses one others can write to.</summary>
    public static string EnsureInstanceDirectory(string name)
    {
        foreach (var directory in new[] { Root, InstancesRoot, InstanceDirectory(name) })
        {
            PrivateFiles.CreateDirectory(directory);
            RefuseShared(directory);
        }
        return InstanceDirectory(name);
    }

    /// <summary>A state folder that group or others may write to could have been planted: refuse it.</summary>
    public static void RefuseShared(string directory)
    {
        if (OperatingSystem.IsWindows())
            return;
        var mode = File.GetUnixFileMode(directory);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            throw new Errors.KubeException(
                $"the sandbox state folder {directory} is writable by other users (mode {Convert.ToString((int)mode, 8)}); make it private (chmod 700) or set PRACTICEK8S_HOME to a folder of your own",
                "KubeSandboxUnsafeDirectory", System.Management.Automation.ErrorCategory.SecurityError, directory);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
