using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace PracticeK8s.Sandbox.Networking.Gateway;

/// <summary>The gateway.networking.k8s.io names the controller and the data plane use.</summary>
public static class GatewayApi
{
    public const string Group = "gateway.networking.k8s.io";
    public const string ControllerName = "practicek8s.io/gateway-controller";
    public const string GatewayClassesKey = Group + "/gatewayclasses";
    public const string GatewaysKey = Group + "/gateways";
    public const string HttpRoutesKey = Group + "/httproutes";
    public const string ReferenceGrantsKey = Group + "/referencegrants";

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>A spec read into its record; null when the stored JSON does not fit the schema's types.</summary>
    public static T? Read<T>(JsonNode? node) where T : class
    {
        if (node is null) return null;
        try { return node.Deserialize<T>(Options); }
        catch (JsonException) { return null; }
    }
}

public sealed record GatewaySpec(string? GatewayClassName, List<Listener>? Listeners, List<GatewayAddress>? Addresses);
public sealed record GatewayAddress(string? Type, string? Value);
public sealed record Listener(string Name, string? Hostname, int Port, string Protocol, ListenerTls? Tls, AllowedRoutes? AllowedRoutes);
public sealed record ListenerTls(string? Mode, List<ObjectRef>? CertificateRefs);
public sealed record ObjectRef(string? Group, string? Kind, string Name, string? Namespace);
public sealed record AllowedRoutes(RouteNamespaces? Namespaces, List<RouteGroupKind>? Kinds);
public sealed record RouteNamespaces(string? From, V1LabelSelector? Selector);
public sealed record RouteGroupKind(string? Group, string Kind);

public sealed record HttpRouteSpec(List<ParentRef>? ParentRefs, List<string>? Hostnames, List<HttpRouteRule>? Rules);
public sealed record ParentRef(string? Group, string? Kind, string? Namespace, string Name, string? SectionName, int? Port);
public sealed record HttpRouteRule(List<HttpRouteMatch>? Matches, List<HttpRouteFilter>? Filters, List<HttpBackendRef>? BackendRefs);
public sealed record HttpRouteMatch(HttpPathMatch? Path, List<ValueMatch>? Headers, List<ValueMatch>? QueryParams, string? Method);
public sealed record HttpPathMatch(string? Type, string? Value);
public sealed record ValueMatch(string? Type, string Name, string Value);
public sealed record HttpRouteFilter(string Type, HeaderModifier? RequestHeaderModifier, HeaderModifier? ResponseHeaderModifier,
    RequestRedirect? RequestRedirect, UrlRewrite? UrlRewrite);
public sealed record HeaderModifier(List<HttpHeaderValue>? Set, List<HttpHeaderValue>? Add, List<string>? Remove);
public sealed record HttpHeaderValue(string Name, string Value);
public sealed record RequestRedirect(string? Scheme, string? Hostname, PathModifier? Path, int? Port, int? StatusCode);
public sealed record UrlRewrite(string? Hostname, PathModifier? Path);
public sealed record PathModifier(string Type, string? ReplaceFullPath, string? ReplacePrefixMatch);
public sealed record HttpBackendRef(string? Group, string? Kind, string Name, string? Namespace, int? Port, int? Weight, List<HttpRouteFilter>? Filters);
