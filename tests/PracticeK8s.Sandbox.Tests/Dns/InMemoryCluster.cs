using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Lifecycle;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Tests.Dns;

/// <summary>
/// An object store in memory with the API's create path (defaults, ClusterIP allocation): the cluster
/// state the DNS resolver reads, written here object by object (no controllers run).
/// </summary>
public sealed class InMemoryCluster : IDisposable
{
    private readonly ObjectStore _store = new(null);
    public ClusterAccess Access { get; }

    public InMemoryCluster()
    {
        var state = new SandboxState(_store, new ResourceRegistry(BuiltinResources.List));
        Bootstrap.Run(state);
        Access = new ClusterAccess(state);
    }

    public void Namespace(string name) =>
        Access.CreateOrThrow("/namespaces", Obj($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{name}}}"}}"""));

    /// <summary>A Service; <paramref name="spec"/> is the JSON of its spec.</summary>
    public void Service(string ns, string name, string spec) =>
        Access.CreateOrThrow("/services", Obj($$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"spec":{{{spec}}}}"""));

    /// <summary>An Endpoints object with one subset: ready addresses (ip, hostname or null) and ports.</summary>
    public void Endpoints(string ns, string name, IEnumerable<(string Ip, string? Hostname)> addresses, string portsJson)
    {
        var list = new JsonArray(addresses.Select(a =>
        {
            var o = new JsonObject { ["ip"] = a.Ip };
            if (a.Hostname is not null) o["hostname"] = a.Hostname;
            return (JsonNode)o;
        }).ToArray());
        var ep = Obj($$$"""{"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"subsets":[{"ports":{{{portsJson}}}}]}""");
        ep["subsets"]![0]!["addresses"] = list;
        Access.CreateOrThrow("/endpoints", ep);
    }

    /// <summary>A pod with a status.podIP (written straight to the store, as the kubelet's status would be).</summary>
    public void Pod(string ns, string name, string ip)
    {
        var pod = Obj($$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}""");
        var stored = Access.CreateOrThrow("/pods", pod);
        Access.Mutate(stored, n => n["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = ip });
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    public void Dispose() => _store.Dispose();
}
