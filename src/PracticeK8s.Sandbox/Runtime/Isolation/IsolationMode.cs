using System.Diagnostics;

namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>How containers of shell images run: in namespaces of their own, or as plain host processes.</summary>
public enum IsolationMode { None, Namespaces }

/// <summary>Chooses the isolation mode from <c>--isolation auto|namespaces|none</c>.</summary>
public static class IsolationProbe
{
    /// <summary>
    /// <c>auto</c>: namespaces when this user can create a user namespace here (<c>unshare --user
    /// --map-root-user true</c> succeeds), else none. <c>namespaces</c> when the probe fails is an error.
    /// </summary>
    public static IsolationMode Resolve(string option) => option switch
    {
        "none" => IsolationMode.None,
        "namespaces" => CanCreateNamespaces() ? IsolationMode.Namespaces
            : throw new InvalidOperationException("--isolation namespaces: this system does not let this user create user namespaces (unshare --user --map-root-user failed)"),
        _ => CanCreateNamespaces() ? IsolationMode.Namespaces : IsolationMode.None,
    };

    public static bool CanCreateNamespaces()
    {
        if (!OperatingSystem.IsLinux() || NamespaceLauncher.Unshare is null || NamespaceLauncher.Nsenter is null) return false;
        var psi = new ProcessStartInfo(NamespaceLauncher.Unshare)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "--user", "--map-root-user", "--mount", "--pid", "--fork", "--uts", "--ipc", "true" }) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi);
            if (p is null) return false;
            if (!p.WaitForExit(5000)) { p.Kill(); return false; }
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }
}
