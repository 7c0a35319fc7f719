using PracticeK8s.Sandbox.OpenApi.Schemas;

namespace PracticeK8s.Sandbox.OpenApi.Paths;

/// <summary>How kube-apiserver exposes each kind of subresource.</summary>
internal enum SubresourceShape
{
    /// <summary>get/put/patch of the object through another door (status, scale, ephemeralcontainers, resize, approval).</summary>
    ReadWrite,
    /// <summary>POST of another kind to an object (binding, eviction, token).</summary>
    Create,
    /// <summary>PUT only (namespaces/finalize).</summary>
    Replace,
    /// <summary>GET returning text (pods/log).</summary>
    Log,
    /// <summary>Streaming upgrades, GET and POST (exec, attach, portforward).</summary>
    Connect,
    /// <summary>Every method, also with a trailing {path} (proxy).</summary>
    Proxy,
}

/// <summary>The subresource, its shape, the kind it takes and returns, and its query parameters.</summary>
internal sealed record SubresourceInfo(string Name, SubresourceShape Shape, GroupVersionKind? Kind, IReadOnlyList<string> Parameters)
{
    /// <summary>Subresources whose kind differs from the parent's; null kind = the parent's own kind.</summary>
    public static SubresourceInfo For(string name, GroupVersionKind parent) => name switch
    {
        "scale" => new(name, SubresourceShape.ReadWrite, new("autoscaling", "v1", "Scale"), []),
        "log" => new(name, SubresourceShape.Log, null, QueryParameters.Log),
        "exec" => new(name, SubresourceShape.Connect, new("", "v1", "PodExecOptions"), QueryParameters.Exec),
        "attach" => new(name, SubresourceShape.Connect, new("", "v1", "PodAttachOptions"), QueryParameters.Attach),
        "portforward" => new(name, SubresourceShape.Connect, new("", "v1", "PodPortForwardOptions"), QueryParameters.PortForward),
        "proxy" => new(name, SubresourceShape.Proxy, new("", "v1", parent.Kind + "ProxyOptions"), QueryParameters.Proxy),
        "binding" => new(name, SubresourceShape.Create, new("", "v1", "Binding"), QueryParameters.Write),
        "eviction" => new(name, SubresourceShape.Create, new("policy", "v1", "Eviction"), QueryParameters.Write),
        "token" => new(name, SubresourceShape.Create, new("authentication.k8s.io", "v1", "TokenRequest"), QueryParameters.Write),
        "finalize" => new(name, SubresourceShape.Replace, null, QueryParameters.Write),
        // status, ephemeralcontainers, resize, approval and anything else: the parent kind through another door.
        _ => new(name, SubresourceShape.ReadWrite, null, []),
    };
}
