using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Session;
using PracticeK8s.Session;

namespace PracticeK8s.Cmdlets;

/// <summary>
/// Base of every cmdlet that talks to a cluster: -Context, -Namespace and -RequestTimeout, and the
/// one place that decides which client and namespace a call uses (call parameters, then the
/// session's Use-KubeContext choice, then the kubeconfig).
/// </summary>
public abstract class KubeCmdlet : KubeAsyncCmdlet
{
    private Runspace? _runspace;

    /// <summary>A kubeconfig context to use for this call only.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    public string? Context { get; set; }

    /// <summary>The namespace to work in; defaults to the session's, then the context's, then "default".</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Ns")]
    [ArgumentCompleter(typeof(NamespaceCompleter))]
    public virtual string? Namespace { get; set; }

    /// <summary>
    /// How long each request of this call may take (kubectl's --request-timeout): "0" for no limit,
    /// seconds, or a duration such as 500ms, 30s, 2m. Default 30s; streams are not bounded.
    /// </summary>
    [Parameter]
    [RequestTimeoutTransformation]
    public TimeSpan? RequestTimeout { get; set; }

    protected override void OnPipelineThread() => _runspace ??= Runspace.DefaultRunspace;

    protected override void OnWorker() => Engine.Http.RequestTimeout.ForCall = RequestTimeout;

    /// <summary>The client and namespace this call targets. Safe to call from the worker.</summary>
    protected KubeTarget ResolveTarget()
    {
        var selection = SessionSelection.Of(_runspace);
        var contextName = !string.IsNullOrEmpty(Context) ? Context : selection.Context;
        var connection = KubeSession.Connect(contextName);
        var ns = !string.IsNullOrEmpty(Namespace) ? Namespace
            : (string.IsNullOrEmpty(Context) ? selection.Namespace : null) ?? connection.DefaultNamespace ?? "default";
        PostDebug($"context \"{connection.ContextName}\" ({connection.Server}), user \"{connection.User}\", namespace \"{ns}\"");
        if (InsecureServerWarning.TakeFor(_runspace, connection) is { } warning)
            PostWarning(warning);
        return new KubeTarget(connection, ns);
    }
}

/// <summary>Where a call goes: a connection and the namespace to use when none is given per object.</summary>
public sealed record KubeTarget(KubeConnection Connection, string Namespace)
{
    public KubeApi Api => Connection.Api;
}
