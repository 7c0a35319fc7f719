using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Hosting;

namespace PracticeK8s.Sandbox.Controllers.Namespaces;

/// <summary>
/// What every active namespace holds: the <c>default</c> ServiceAccount (serviceaccount controller)
/// and the <c>kube-root-ca.crt</c> ConfigMap with the cluster CA (root CA publisher); both come back if deleted.
/// </summary>
public sealed class ServiceAccountController(SandboxState state, ClusterAccess cluster, ClusterSettings settings, ILogger<ServiceAccountController> log)
    : ControllerLoop(state, log)
{
    public const string RootCaConfigMap = "kube-root-ca.crt";
    private const string Description = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

    protected override IReadOnlyCollection<string> WatchedKeys => new[] { "/namespaces", "/serviceaccounts", "/configmaps" };

    protected override TimeSpan ResyncInterval => TimeSpan.FromSeconds(30);

    protected override void Reconcile()
    {
        foreach (var ns in cluster.List<V1Namespace>("/namespaces").Where(n => !n.IsBeingDeleted))
        {
            if (State.Store.Get("/serviceaccounts", ns.Name, "default") is null)
                cluster.Create("/serviceaccounts", new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "ServiceAccount",
                    ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns.Name },
                });
            if (State.Store.Get("/configmaps", ns.Name, RootCaConfigMap) is null && settings.CaCertificatePem.Length > 0)
                cluster.Create("/configmaps", new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "ConfigMap",
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = RootCaConfigMap, ["namespace"] = ns.Name,
                        ["annotations"] = new JsonObject { ["kubernetes.io/description"] = Description },
                    },
                    ["data"] = new JsonObject { ["ca.crt"] = settings.CaCertificatePem },
                });
        }
    }
}
