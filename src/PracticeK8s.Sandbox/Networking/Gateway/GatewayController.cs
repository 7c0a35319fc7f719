using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>
/// The built-in GatewayClass's controller (<see cref="GatewayApi.ControllerName"/>): accepts its
/// GatewayClasses, gives each Gateway of them an address from the LoadBalancer pool (shared with
/// LoadBalancer Services), listens there on every listener port, binds HTTPRoutes to listeners
/// (<see cref="RouteBinder"/>) and writes Gateway and HTTPRoute status as upstream controllers do.
/// Requests are served by <see cref="GatewayRouter"/> from each port's current route table.
/// </summary>
public sealed class GatewayController(SandboxState state, ClusterAccess cluster, GatewayRouter router, ILogger<GatewayController> log)
    : ControllerLoop(state, log)
{
    /// <summary>One bound address:port, its route table swapped in by each pass.</summary>
    private sealed class PortState
    {
        public required string Signature;
        public GatewayListener? Listener;
        public DateTime Retry;
        public volatile PortRoutes Routes = PortRoutes.Empty;
    }

    private readonly Dictionary<string, PortState> _ports = new();
    private readonly ClusterReferences _refs = new(cluster);
    /// <summary>Certificates read from Secrets, by "namespace/name", kept while the Secret's resourceVersion stays.</summary>
    private readonly Dictionary<string, (string Key, X509Certificate2 Certificate)> _certificates = new();

    protected override IReadOnlyCollection<string> WatchedKeys => new[]
    {
        GatewayApi.GatewayClassesKey, GatewayApi.GatewaysKey, GatewayApi.HttpRoutesKey, GatewayApi.ReferenceGrantsKey,
        "/services", "/namespaces", "/secrets",
    };

    protected override void Reconcile()
    {
        var now = DateTime.UtcNow;
        var ourClasses = AcceptClasses(now);
        var gateways = new List<(StoredObject Stored, GatewayInput Input)>();
        foreach (var o in cluster.Store.List(GatewayApi.GatewaysKey, null).Items)
            if (!o.IsBeingDeleted && GatewayApi.Read<GatewaySpec>(o.ToNode()["spec"]) is { } spec && spec.GatewayClassName is { } cls && ourClasses.Contains(cls))
                gateways.Add((o, new GatewayInput(o.Namespace, o.Name, spec with { Listeners = spec.Listeners?.DistinctBy(l => l.Name).ToList() })));
        var routes = new List<(StoredObject Stored, RouteInput Input)>();
        foreach (var o in cluster.Store.List(GatewayApi.HttpRoutesKey, null).Items)
            if (!o.IsBeingDeleted && GatewayApi.Read<HttpRouteSpec>(o.ToNode()["spec"]) is { } spec)
                routes.Add((o, new RouteInput(new RouteId(o.Namespace, o.Name, Created(o)), spec)));

        var (bindings, routeResults) = RouteBinder.Bind(gateways.Select(g => g.Input).ToList(), routes.Select(r => r.Input).ToList(), _refs);
        var wanted = new HashSet<string>();
        foreach (var (stored, gateway) in gateways)
        {
            try { Program(stored, gateway, bindings[(gateway.Namespace, gateway.Name)], wanted, now); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "programming Gateway {Namespace}/{Name} failed", gateway.Namespace, gateway.Name);
            }
        }
        foreach (var key in _ports.Keys.Where(k => !wanted.Contains(k)).ToList())
        {
            _ports[key].Listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            _ports.Remove(key);
        }
        foreach (var (stored, route) in routes)
            WriteRouteStatus(stored, routeResults.GetValueOrDefault(route.Id) ?? new List<RouteParentResult>(), now);
    }

    /// <summary>One Gateway: its address, a listener per served port with the port's route table, its status.</summary>
    private void Program(StoredObject stored, GatewayInput gateway, GatewayBinding binding, HashSet<string> wanted, DateTime now)
    {
        var address = EnsureAddress(stored, gateway.Spec);
        var listeners = gateway.Spec.Listeners ?? new List<Listener>();
        var certificates = listeners.ToDictionary(l => l.Name, l => l.Protocol == "HTTPS" ? Certificate(gateway.Namespace, l) : (null, null));
        var bound = new Dictionary<int, bool>();
        if (address is not null)
            foreach (var group in listeners.Where(RouteBinder.Serves).GroupBy(l => l.Port))
            {
                var key = $"{address}:{group.Key}";
                wanted.Add(key);
                var https = group.Any(l => l.Protocol == "HTTPS");
                var certs = https ? group.Where(l => certificates[l.Name].Item1 is not null)
                    .Select(l => (l.Hostname ?? Hostnames.Any, certificates[l.Name].Item1!)).ToList() : null;
                var port = EnsureListener(key, new IPEndPoint(IPAddress.Parse(address), group.Key), certs, https, now);
                port.Routes = new PortRoutes(group.Select(l => new ListenerRoutes(l.Hostname, binding.EntriesByListener[l.Name])).ToList());
                bound[group.Key] = port.Listener is not null;
            }
        WriteGatewayStatus(stored, gateway, address, bound, certificates.ToDictionary(c => c.Key, c => c.Value.Item2), binding, now);
    }

    private static DateTime Created(StoredObject o) =>
        o.Metadata.TryGetProperty("creationTimestamp", out var t) && t.TryGetDateTime(out var d) ? d.ToUniversalTime() : DateTime.MinValue;

    /// <summary>Marks the GatewayClasses this controller serves Accepted; returns their names.</summary>
    private HashSet<string> AcceptClasses(DateTime now)
    {
        var names = new HashSet<string>();
        foreach (var o in cluster.Store.List(GatewayApi.GatewayClassesKey, null).Items)
        {
            var node = o.ToNode();
            if (node.Obj("spec").Str("controllerName") != GatewayApi.ControllerName || o.IsBeingDeleted) continue;
            names.Add(o.Name);
            var generation = node.Obj("metadata").Long("generation") ?? 1;
            var conditions = StatusConditions.Build(new[]
            {
                new ConditionResult("Accepted", true, "Accepted", "Valid GatewayClass"),
                new ConditionResult("SupportedVersion", true, "SupportedVersion", "Gateway API CRD bundle version v1.2.1 is supported"),
            }, generation, node.Obj("status")?.Arr("conditions"), now);
            cluster.Mutate(o, n => n.Ensure("status")["conditions"] = conditions);
        }
        return names;
    }

    /// <summary>
    /// The Gateway's address: the one it has, else the one its spec asks for when that pool address is
    /// free, else the next free one (picked and written under the pool's lock).
    /// </summary>
    private string? EnsureAddress(StoredObject stored, GatewaySpec spec)
    {
        var current = stored.ToNode().Obj("status")?.Arr("addresses").Objects().Select(a => a.Str("value")).FirstOrDefault(v => v is not null);
        if (current is not null) return current;
        var ports = (spec.Listeners ?? new List<Listener>()).Where(RouteBinder.Serves).Select(l => l.Port).Distinct().ToList();
        lock (LoadBalancerAddresses.AllocationLock)
        {
            var taken = LoadBalancerAddresses.Taken(cluster);
            var requested = spec.Addresses?.Where(a => (a.Type ?? "IPAddress") == "IPAddress").Select(a => a.Value).FirstOrDefault();
            string? ip;
            if (requested is not null)
                ip = InPool(requested) && !taken.Contains(requested) && ports.All(p => LoadBalancerAddresses.CanListen(requested, p)) ? requested : null;
            else ip = LoadBalancerAddresses.Pick(taken, ports);
            if (ip is null)
            {
                WakeAt(DateTime.UtcNow + TimeSpan.FromSeconds(10));
                return null;
            }
            cluster.Mutate(stored, n => n.Ensure("status")["addresses"] = new JsonArray(new JsonObject { ["type"] = "IPAddress", ["value"] = ip }));
            return ip;
        }
    }

    private static bool InPool(string ip) =>
        ip.StartsWith("127.0.0.", StringComparison.Ordinal) && int.TryParse(ip[8..], out var last)
        && last >= NodeAddresses.FirstLoadBalancerOctet && last <= NodeAddresses.LastLoadBalancerOctet;

    /// <summary>An HTTPS listener's certificate from its kubernetes.io/tls Secret, or why there is none.</summary>
    private (X509Certificate2?, ConditionResult?) Certificate(string gatewayNs, Listener listener)
    {
        var reference = listener.Tls?.CertificateRefs?.FirstOrDefault();
        if (reference is null) return (null, new ConditionResult("ResolvedRefs", false, "InvalidCertificateRef", "An HTTPS listener needs tls.certificateRefs"));
        if ((reference.Group ?? "") != "" || (reference.Kind ?? "Secret") != "Secret" || (reference.Namespace ?? gatewayNs) != gatewayNs)
            return (null, new ConditionResult("ResolvedRefs", false, "InvalidCertificateRef", $"Only Secrets in the Gateway's namespace are supported, not {reference.Kind} {reference.Namespace}/{reference.Name}"));
        var live = cluster.Get<V1Secret>("/secrets", gatewayNs, reference.Name);
        var cacheKey = live is null ? "" : $"{live.Uid}@{live.Stored.ResourceVersion}";
        if (_certificates.TryGetValue($"{gatewayNs}/{reference.Name}", out var cached) && cached.Key == cacheKey) return (cached.Certificate, null);
        var secret = live?.Model;
        if (secret?.Type != "kubernetes.io/tls" || secret.Data is null || !secret.Data.TryGetValue("tls.crt", out var crt) || !secret.Data.TryGetValue("tls.key", out var key))
            return (null, new ConditionResult("ResolvedRefs", false, "InvalidCertificateRef", $"Secret {gatewayNs}/{reference.Name} is not a kubernetes.io/tls Secret with tls.crt and tls.key"));
        try
        {
            using var pem = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(crt), System.Text.Encoding.ASCII.GetString(key));
            // exported and re-imported so the key is usable by TLS on every platform
            var certificate = new X509Certificate2(pem.Export(X509ContentType.Pkcs12));
            _certificates[$"{gatewayNs}/{reference.Name}"] = (cacheKey, certificate);
            return (certificate, null);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            return (null, new ConditionResult("ResolvedRefs", false, "InvalidCertificateRef", $"Secret {gatewayNs}/{reference.Name}: {e.Message}"));
        }
    }

    private PortState EnsureListener(string key, IPEndPoint endpoint, List<(string, X509Certificate2)>? certs, bool https, DateTime now)
    {
        var signature = (https ? "https:" : "http:") + string.Join(",", (certs ?? new()).Select(c => c.Item1 + "=" + c.Item2.Thumbprint));
        if (_ports.TryGetValue(key, out var state) && state.Signature == signature && (state.Listener is not null || now < state.Retry))
        {
            if (state.Listener is null) WakeAt(state.Retry);
            return state;
        }
        state?.Listener?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        var next = new PortState { Signature = signature, Retry = now + TimeSpan.FromSeconds(5), Routes = state?.Routes ?? PortRoutes.Empty };
        if (!https || certs is { Count: > 0 })
            next.Listener = GatewayListener.StartAsync(endpoint, https ? certs : null, ctx => router.HandleAsync(ctx, next.Routes, endpoint.Port))
                .GetAwaiter().GetResult();
        if (next.Listener is null)
        {
            if (!https || certs is { Count: > 0 }) log.LogWarning("cannot listen on {Endpoint} for a Gateway; retrying", endpoint);
            WakeAt(next.Retry);
        }
        _ports[key] = next;
        return next;
    }

    private void WriteGatewayStatus(StoredObject stored, GatewayInput gateway, string? address, Dictionary<int, bool> bound,
        Dictionary<string, ConditionResult?> certificateProblems, GatewayBinding binding, DateTime now)
    {
        var node = stored.ToNode();
        var generation = node.Obj("metadata").Long("generation") ?? 1;
        var previous = node.Obj("status");
        var listeners = gateway.Spec.Listeners ?? new List<Listener>();
        var conflicts = ListenerConflicts.Find(listeners);
        var listenerStatus = new JsonArray();
        int valid = 0, programmedCount = 0;
        foreach (var l in listeners)
        {
            var supported = RouteBinder.Serves(l);
            var conflict = conflicts.GetValueOrDefault(l.Name);
            var conflicted = conflict is not null;
            var refsProblem = certificateProblems.GetValueOrDefault(l.Name);
            var kindsOk = l.AllowedRoutes?.Kinds is not { Count: > 0 } kinds || kinds.Any(k => k.Kind == "HTTPRoute" && (k.Group ?? GatewayApi.Group) == GatewayApi.Group);
            var isValid = supported && !conflicted && refsProblem is null;
            var programmed = isValid && bound.GetValueOrDefault(l.Port);
            if (isValid) valid++;
            if (programmed) programmedCount++;
            var conditions = new List<ConditionResult>
            {
                supported ? new("Accepted", true, "Accepted", "Listener is accepted") : RouteBinder.SupportedProtocols.Contains(l.Protocol) ? new("Accepted", false, "UnsupportedValue", $"Port {l.Port} is not a valid port")
                    : new("Accepted", false, "UnsupportedProtocol", $"Protocol {l.Protocol} is not supported; use HTTP or HTTPS"),
                programmed ? new("Programmed", true, "Programmed", "Listener is programmed")
                    : new("Programmed", false, supported && !conflicted && refsProblem is null ? "Pending" : "Invalid", address is null ? "Waiting for an address" : "Listener is not programmed"),
                refsProblem ?? (kindsOk ? new("ResolvedRefs", true, "ResolvedRefs", "Resolved all references") : new("ResolvedRefs", false, "InvalidRouteKinds", "Only HTTPRoute is supported")),
                conflict ?? new("Conflicted", false, "NoConflicts", "No conflicts"),
            };
            var previousListener = previous?.Arr("listeners").Objects().FirstOrDefault(p => p.Str("name") == l.Name);
            listenerStatus.Add(new JsonObject
            {
                ["name"] = l.Name,
                ["supportedKinds"] = supported && kindsOk ? new JsonArray(new JsonObject { ["group"] = GatewayApi.Group, ["kind"] = "HTTPRoute" }) : new JsonArray(),
                ["attachedRoutes"] = binding.AttachedRoutes.GetValueOrDefault(l.Name),
                ["conditions"] = StatusConditions.Build(conditions, generation, previousListener?.Arr("conditions"), now),
            });
        }
        // as upstream: Accepted with reason ListenersNotValid while some listeners are invalid (False when all are);
        // Programmed once the address is assigned and every valid listener listens
        var gatewayConditions = new[]
        {
            valid == listeners.Count ? new ConditionResult("Accepted", true, "Accepted", "Gateway is accepted")
                : new ConditionResult("Accepted", valid > 0, "ListenersNotValid", $"{listeners.Count - valid} of {listeners.Count} listeners are not valid"),
            address is null ? new ConditionResult("Programmed", false, "AddressNotAssigned",
                    $"No free address in 127.0.0.200-254 can listen on port(s) {string.Join(", ", listeners.Select(l => l.Port).Distinct())} (ports below 1024 need privileges), or the requested address is not usable")
                : valid == 0 ? new ConditionResult("Programmed", false, "Invalid", "No listener is valid")
                : programmedCount < valid ? new ConditionResult("Programmed", false, "Pending", "Waiting for listeners to bind")
                : new ConditionResult("Programmed", true, "Programmed", $"Gateway is programmed on {address}"),
        };
        var status = new JsonObject
        {
            ["addresses"] = address is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "IPAddress", ["value"] = address }),
            ["conditions"] = StatusConditions.Build(gatewayConditions, generation, previous?.Arr("conditions"), now),
            ["listeners"] = listenerStatus,
        };
        if (!JsonNode.DeepEquals(previous, status)) cluster.Mutate(stored, n => n["status"] = status);
    }

    /// <summary>Replaces this controller's entries in status.parents (other controllers' stay).</summary>
    private void WriteRouteStatus(StoredObject stored, List<RouteParentResult> results, DateTime now)
    {
        var node = stored.ToNode();
        var generation = node.Obj("metadata").Long("generation") ?? 1;
        var previous = node.Obj("status")?.Arr("parents");
        var parents = new JsonArray();
        foreach (var other in previous.Objects().Where(p => p.Str("controllerName") != GatewayApi.ControllerName))
            parents.Add(other.DeepClone());
        foreach (var r in results)
        {
            var parentRef = new JsonObject { ["group"] = r.Ref.Group ?? GatewayApi.Group, ["kind"] = r.Ref.Kind ?? "Gateway" };
            if (r.Ref.Namespace is not null) parentRef["namespace"] = r.Ref.Namespace;
            parentRef["name"] = r.Ref.Name;
            if (r.Ref.SectionName is not null) parentRef["sectionName"] = r.Ref.SectionName;
            if (r.Ref.Port is not null) parentRef["port"] = r.Ref.Port;
            var before = previous.Objects().FirstOrDefault(p => p.Str("controllerName") == GatewayApi.ControllerName && JsonNode.DeepEquals(p["parentRef"], parentRef));
            parents.Add(new JsonObject
            {
                ["parentRef"] = parentRef,
                ["controllerName"] = GatewayApi.ControllerName,
                ["conditions"] = StatusConditions.Build(new[] { r.Accepted, r.ResolvedRefs }, generation, before?.Arr("conditions"), now),
            });
        }
        if (parents.Count == 0 && previous is null) return;
        var status = new JsonObject { ["parents"] = parents };
        if (!JsonNode.DeepEquals(node["status"], status)) cluster.Mutate(stored, n => n["status"] = status);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var (_, port) in _ports)
            if (port.Listener is not null) await port.Listener.DisposeAsync();
        _ports.Clear();
    }
}
