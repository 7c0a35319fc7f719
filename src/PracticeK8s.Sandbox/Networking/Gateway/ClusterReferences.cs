using k8s.Models;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>The <see cref="IReferenceResolver"/> that reads the cluster's store.</summary>
public sealed class ClusterReferences(ClusterAccess cluster) : IReferenceResolver
{
    public IReadOnlyDictionary<string, string> NamespaceLabels(string ns) =>
        cluster.Store.Get("/namespaces", "", ns)?.Labels ?? new Dictionary<string, string>();

    public V1Service? Service(string ns, string name) => cluster.Get<V1Service>("/services", ns, name)?.Model;

    public bool Granted(string fromNamespace, string toNamespace, string service) =>
        cluster.Store.List(GatewayApi.ReferenceGrantsKey, toNamespace).Items.Select(g => g.ToNode().Obj("spec")).Any(spec =>
            spec.Arr("from").Objects().Any(f => f.Str("group") == GatewayApi.Group && f.Str("kind") == "HTTPRoute" && f.Str("namespace") == fromNamespace)
            && spec.Arr("to").Objects().Any(t => (t.Str("group") ?? "") == "" && t.Str("kind") == "Service" && (t.Str("name") is null || t.Str("name") == service)));
}
