using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>Acting as a second local user (<c>nobody</c>): possible only when the tests run as root and setpriv exists.</summary>
public static class LocalUsers
{
    public const int Nobody = 65534;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    public const string SetPriv = "/usr/bin/setpriv";

    public static bool CanActAsNobody => IsRoot && File.Exists(SetPriv);

    /// <summary>Starts <c>bash -c script args…</c> as uid/gid 65534 with no supplementary groups.</summary>
    public static Process StartAsNobody(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(SetPriv) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "bash", "-c", script, "poller" }.Concat(args))
            psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    /// <summary>chown to nobody (the path then belongs to another user than the test's).</summary>
    public static void GiveToNobody(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("chown", $"{Nobody}:{Nobody} \"{path}\"") { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"chown {path} failed");
    }
}

/// <summary>A test that needs to act as another local user; skipped, saying why, when the run is not root.</summary>
public sealed class AsAnotherUserFactAttribute : FactAttribute
{
    public AsAnotherUserFactAttribute()
    {
        if (!LocalUsers.CanActAsNobody)
            Skip = "needs root and /usr/bin/setpriv to act as a second local user (nobody); this run is not root or lacks setpriv";
    }
}

/// <summary>A test of Unix file modes; skipped, saying why, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "checks Unix file modes; Windows has ACLs instead";
    }
}
