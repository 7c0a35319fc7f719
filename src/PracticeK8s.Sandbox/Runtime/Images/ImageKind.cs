namespace PracticeK8s.Sandbox.Runtime.Images;

/// <summary>How an image's default process runs in the sandbox.</summary>
public enum ImageKind
{
    /// <summary>A general-purpose image with a shell (busybox, alpine, ubuntu...): its default command is the shell.</summary>
    Shell,
    /// <summary>A built-in server (nginx, hello-app, coredns...): a simulated long-running process with a startup log.</summary>
    Builtin,
    /// <summary>Anything else: a simulated process that runs quietly until stopped.</summary>
    Unknown,
}
