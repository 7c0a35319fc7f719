using k8s.Models;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>Compiles the owned Ingresses into an <see cref="IngressRouteTable"/> (ingress-nginx's annotations included).</summary>
public static class IngressTableBuilder
{
    public const string RewriteTargetAnnotation = "nginx.ingress.kubernetes.io/rewrite-target";
    public const string UseRegexAnnotation = "nginx.ingress.kubernetes.io/use-regex";
    public const string SslRedirectAnnotation = "nginx.ingress.kubernetes.io/ssl-redirect";
    public const string ForceSslRedirectAnnotation = "nginx.ingress.kubernetes.io/force-ssl-redirect";

    private sealed record PendingPath(IngressServer Server, V1Ingress Ingress, string Path, string PathType, IngressBackend? Backend,
        string? Rewrite, bool SslRedirect, bool ForceSslRedirect);

    /// <param name="ingresses">the Ingresses the controller owns; the oldest wins where two define the same host and path.</param>
    public static IngressRouteTable Build(IEnumerable<V1Ingress> ingresses)
    {
        var ordered = ingresses
            .OrderBy(i => i.Metadata?.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(i => i.Metadata?.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(i => i.Metadata?.Name, StringComparer.Ordinal)
            .ToList();
        var servers = new Dictionary<string, IngressServer>(StringComparer.Ordinal);
        var catchAll = new IngressServer(null);
        IngressBackend? defaultBackend = null;
        var tls = new List<IngressTls>();
        var pending = new List<PendingPath>();
        foreach (var ingress in ordered)
        {
            var ns = ingress.Metadata?.NamespaceProperty ?? "default";
            var annotations = ingress.Metadata?.Annotations ?? new Dictionary<string, string>();
            var rewrite = annotations.TryGetValue(RewriteTargetAnnotation, out var r) && r.Length > 0 ? r : null;
            var useRegex = annotations.TryGetValue(UseRegexAnnotation, out var u) && u == "true";
            var sslRedirect = !(annotations.TryGetValue(SslRedirectAnnotation, out var s) && s == "false");
            var force = annotations.TryGetValue(ForceSslRedirectAnnotation, out var fs) && fs == "true";
            var ingressDefault = BackendOf(ns, ingress.Spec?.DefaultBackend);
            defaultBackend ??= ingressDefault;
            foreach (var entry in ingress.Spec?.Tls ?? new List<V1IngressTLS>())
                if (entry.SecretName is { Length: > 0 } secret)
                    tls.Add(new IngressTls(ns, secret, (entry.Hosts ?? new List<string>()).Select(h => h.ToLowerInvariant()).ToList()));
            foreach (var rule in ingress.Spec?.Rules ?? new List<V1IngressRule>())
            {
                var server = catchAll;
                if (rule.Host is { Length: > 0 } host)
                {
                    host = host.ToLowerInvariant();
                    if (!servers.TryGetValue(host, out server!)) servers[host] = server = new IngressServer(host);
                }
                server.UseRegex |= useRegex || rewrite is not null;
                if (ingressDefault is not null) server.DefaultBackend ??= ingressDefault;
                foreach (var path in rule.Http?.Paths ?? new List<V1HTTPIngressPath>())
                    pending.Add(new PendingPath(server, ingress, string.IsNullOrEmpty(path.Path) ? "/" : path.Path,
                        path.PathType ?? "ImplementationSpecific", BackendOf(ns, path.Backend), rewrite, sslRedirect, force));
            }
        }
        foreach (var server in servers.Values)
            server.HasTls = tls.Any(t => t.Hosts.Contains(server.Host!));
        foreach (var p in pending)
        {
            var kind = p.PathType == "Exact" ? PathMatchKind.Exact : p.Server.UseRegex ? PathMatchKind.Regex : PathMatchKind.Prefix;
            if (IngressPath.Create(p.Path, kind) is not { } compiled) continue;
            RewriteTarget? rewrite = null;
            if (p.Rewrite is not null && (rewrite = RewriteTarget.Create(p.Path, p.Rewrite)) is null) continue;
            if (p.Server.Routes.Any(existing => existing.Path.Path == p.Path && existing.Path.Kind == kind)) continue;
            p.Server.Routes.Add(new IngressRoute(p.Ingress.Metadata?.NamespaceProperty ?? "default", p.Ingress.Metadata?.Name ?? "",
                compiled, p.Backend, rewrite, p.ForceSslRedirect || (p.SslRedirect && p.Server.HasTls)));
        }
        return new IngressRouteTable(servers, catchAll, defaultBackend, tls);
    }

    private static IngressBackend? BackendOf(string ns, V1IngressBackend? backend) =>
        backend?.Service is { Name: { Length: > 0 } name } service
            ? new IngressBackend(ns, name, service.Port?.Name is { Length: > 0 } portName ? portName : null, service.Port?.Number)
            : null;
}
