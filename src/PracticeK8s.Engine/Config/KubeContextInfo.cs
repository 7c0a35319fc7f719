namespace PracticeK8s.Engine.Config;

/// <summary>One context of the merged kubeconfig, as `kubectl config get-contexts` lists it.</summary>
public sealed class KubeContextInfo
{
    public bool IsCurrent { get; init; }
    public string Name { get; init; } = "";
    public string Cluster { get; init; } = "";
    public string AuthInfo { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string? Server { get; init; }
    public string SourceFile { get; init; } = "";

    /// <summary>The CURRENT column: "*" for the current context.</summary>
    public string CurrentText => IsCurrent ? "*" : "";

    /// <summary>This context as the session uses it: a session namespace (Use-KubeContext -Namespace) replaces the file's.</summary>
    public KubeContextInfo InSession(string? sessionNamespace) =>
        string.IsNullOrEmpty(sessionNamespace) || !IsCurrent ? this : new KubeContextInfo
        {
            IsCurrent = IsCurrent, Name = Name, Cluster = Cluster, AuthInfo = AuthInfo, Namespace = sessionNamespace,
            Server = Server, SourceFile = SourceFile,
        };

    public override string ToString() => Name;
}
