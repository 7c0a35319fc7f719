namespace PracticeK8s.Sandbox.Hosting;

/// <summary>
/// Arguments every Kestrel host of the sandbox is built with. No appsettings file is watched for
/// changes: each watch is an inotify instance, and a machine allows a user 128 of them, so a pod's
/// built-in port server per watch ran out after a hundred or so pods across sandboxes (abort, code 134).
/// </summary>
public static class HostArguments
{
    public static readonly string[] NoConfigReload = ["--hostBuilder:reloadConfigOnChange=false"];
}
