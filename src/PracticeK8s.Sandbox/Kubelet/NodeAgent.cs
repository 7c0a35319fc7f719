using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Events;
using PracticeK8s.Sandbox.Hosting;
using PracticeK8s.Sandbox.Networking;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// The node half of a kubelet: registers its Node (status, labels, pod CIDR), renews its Lease in
/// <c>kube-node-lease</c>, re-posts node status (heartbeat), and records the node events upstream
/// shows (Starting, NodeHasSufficientMemory…, NodeReady, NodeNotSchedulable/NodeSchedulable).
/// </summary>
public sealed class NodeAgent(ClusterAccess cluster, EventRecorder events, ClusterSettings settings)
{
    public const string LeaseKey = "coordination.k8s.io/leases", LeaseNamespace = "kube-node-lease";
    public static readonly TimeSpan StatusReportInterval = TimeSpan.FromMinutes(1);

    private sealed class Memory
    {
        public string? RegisteredUid;
        public DateTime LastLease = DateTime.MinValue, LastStatus = DateTime.MinValue;
        public bool Unschedulable;
    }

    private readonly Dictionary<string, Memory> _nodes = new();

    /// <summary>One pass for one node; returns when it next needs attention.</summary>
    public DateTime Sync(Live<V1Node> node, int index, DateTime now)
    {
        if (!_nodes.TryGetValue(node.Name, out var m)) _nodes[node.Name] = m = new Memory { Unschedulable = node.Model.Spec?.Unschedulable == true };
        var kubelet = new EventSource("kubelet", node.Name);
        var byName = InvolvedObject.NodeByName(node.Name);
        if (m.RegisteredUid != node.Uid)
        {
            var fresh = node.Model.Status?.Conditions is not { Count: > 0 };
            cluster.Mutate(node.Stored, n => NodeRegistration.Register(n, index));
            m.RegisteredUid = node.Uid;
            m.LastStatus = now;
            m.Unschedulable = node.Model.Spec?.Unschedulable == true;
            events.Record(kubelet, byName, "Normal", "Starting", "Starting kubelet.");
            if (fresh)
            {
                foreach (var condition in new[] { "NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID" })
                    events.Record(kubelet, byName, "Normal", condition, $"Node {node.Name} status is now: {condition}");
                events.Record(kubelet, byName, "Normal", "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods");
                events.Record(kubelet, byName, "Normal", "NodeReady", $"Node {node.Name} status is now: NodeReady");
                if (cluster.Store.Get("/nodes", "", node.Name) is { } registered)
                    events.Normal(new EventSource("node-controller"), registered, "RegisteredNode", $"Node {node.Name} event: Registered Node {node.Name} in Controller");
            }
        }
        else if (now - m.LastStatus >= StatusReportInterval || !NodeRegistration.IsReadyReported(node.Stored.ToNode().Obj("status")))
        {
            var wasReady = NodeRegistration.IsReadyReported(node.Stored.ToNode().Obj("status"));
            cluster.Mutate(node.Stored, n => NodeRegistration.Heartbeat(n.Ensure("status"), Clock.Stamp()));
            m.LastStatus = now;
            if (!wasReady) events.Record(kubelet, byName, "Normal", "NodeReady", $"Node {node.Name} status is now: NodeReady");
        }
        var unschedulable = node.Model.Spec?.Unschedulable == true;
        if (unschedulable != m.Unschedulable)
        {
            var reason = unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
            events.Record(kubelet, byName, "Normal", reason, $"Node {node.Name} status is now: {reason}");
            m.Unschedulable = unschedulable;
        }
        if (now - m.LastLease >= settings.LeaseRenewInterval)
        {
            RenewLease(node);
            m.LastLease = now;
        }
        var next = m.LastLease + settings.LeaseRenewInterval;
        return next < m.LastStatus + StatusReportInterval ? next : m.LastStatus + StatusReportInterval;
    }

    private void RenewLease(Live<V1Node> node)
    {
        var renew = Clock.MicroStamp();
        if (cluster.Store.Get(LeaseKey, LeaseNamespace, node.Name) is { } lease)
        {
            cluster.Mutate(lease, l =>
            {
                var spec = l.Ensure("spec");
                spec["holderIdentity"] = node.Name;
                spec["renewTime"] = renew;
            });
            return;
        }
        cluster.Create(LeaseKey, new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject
            {
                ["name"] = node.Name,
                ["namespace"] = LeaseNamespace,
                ["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = node.Name, ["uid"] = node.Uid }),
            },
            ["spec"] = new JsonObject { ["holderIdentity"] = node.Name, ["leaseDurationSeconds"] = 40, ["renewTime"] = renew },
        });
    }

    /// <summary>Each node's number in the address plan: kept from its ExternalIP, else the lowest free one.</summary>
    public static Dictionary<string, int> Indexes(IEnumerable<Live<V1Node>> nodes)
    {
        var result = new Dictionary<string, int>();
        var list = nodes.OrderBy(n => n.Model.Metadata.CreationTimestamp).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        foreach (var n in list)
            if (NodeAddresses.IndexOfExternalIP(n.Model.Status?.Addresses?.FirstOrDefault(a => a.Type == "ExternalIP")?.Address) is { } i && !result.ContainsValue(i))
                result[n.Name] = i;
        var next = 1;
        foreach (var n in list.Where(n => !result.ContainsKey(n.Name)))
        {
            while (result.ContainsValue(next)) next++;
            result[n.Name] = next;
        }
        return result;
    }

    public void Forget(string node) => _nodes.Remove(node);
}
