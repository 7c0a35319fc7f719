using k8s.Models;

namespace PracticeK8s.Printing;

/// <summary>kubectl's shared cell formatters (labels, selectors, access modes, quantities, containers, ...).</summary>
public static class KubeFormat
{
    public const string None = "<none>";
    public const string Unset = "<unset>";
    public const string Unknown = "<unknown>";

    /// <summary>Labels as "k=v" with keys sorted, joined with ","; "&lt;none&gt;" when empty.</summary>
    public static string Labels(IDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0) return None;
        return string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
    }

    /// <summary>A label selector as kubectl's FormatLabelSelector writes it; "&lt;none&gt;" when missing or empty.</summary>
    public static string LabelSelector(V1LabelSelector? selector)
    {
        var text = LabelSelectorString(selector);
        if (text is null) return "<error>";
        return text.Length == 0 ? None : text;
    }

    /// <summary>
    /// The selector's string form ("app=web,tier in (a,b)"), empty for a missing or empty selector,
    /// or null when an expression has an unknown operator.
    /// </summary>
    public static string? LabelSelectorString(V1LabelSelector? selector)
    {
        if (selector is null) return "";
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
            requirements.Add((key, $"{key}={value}"));
        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = string.Join(",", (expression.Values ?? []).Order(StringComparer.Ordinal));
            string? text = expression.OperatorProperty switch
            {
                "In" => $"{expression.Key} in ({values})",
                "NotIn" => $"{expression.Key} notin ({values})",
                "Exists" => expression.Key,
                "DoesNotExist" => $"!{expression.Key}",
                _ => null,
            };
            if (text is null) return null;
            requirements.Add((expression.Key, text));
        }
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    /// <summary>Access modes without duplicates in the fixed order RWO,ROX,RWX,RWOP.</summary>
    public static string AccessModes(IEnumerable<string>? modes)
    {
        var set = new HashSet<string>(modes ?? []);
        var result = new List<string>();
        if (set.Contains("ReadWriteOnce")) result.Add("RWO");
        if (set.Contains("ReadOnlyMany")) result.Add("ROX");
        if (set.Contains("ReadWriteMany")) result.Add("RWX");
        if (set.Contains("ReadWriteOncePod")) result.Add("RWOP");
        return string.Join(",", result);
    }

    /// <summary>A quantity in canonical form ("1Gi", "500m"); a missing quantity is "0", as Go's zero Quantity.</summary>
    public static string Quantity(ResourceQuantity? quantity) => quantity?.ToString() ?? "0";

    /// <summary>The quantity stored under <paramref name="key"/>, canonical, or "0" when absent.</summary>
    public static string Quantity(IDictionary<string, ResourceQuantity>? quantities, string key) =>
        quantities is not null && quantities.TryGetValue(key, out var q) ? Quantity(q) : "0";

    /// <summary>Regular container names joined with "," (no spaces).</summary>
    public static string ContainerNames(IEnumerable<V1Container>? containers) =>
        string.Join(",", (containers ?? []).Select(c => c.Name));

    /// <summary>Regular container images joined with "," (no spaces).</summary>
    public static string ContainerImages(IEnumerable<V1Container>? containers) =>
        string.Join(",", (containers ?? []).Select(c => c.Image));

    /// <summary>"True", "False", or "&lt;unset&gt;" for a missing value.</summary>
    public static string Bool(bool? value) => value is null ? Unset : value.Value ? "True" : "False";

    /// <summary>Load-balancer ingress points: each entry's IP, else its hostname; distinct, sorted, joined with ",".</summary>
    public static string LoadBalancerIngress(IEnumerable<(string Ip, string Hostname)>? entries)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (ip, hostname) in entries ?? [])
        {
            if (!string.IsNullOrEmpty(ip)) set.Add(ip);
            else if (!string.IsNullOrEmpty(hostname)) set.Add(hostname);
        }
        return string.Join(",", set);
    }

    /// <summary>Up to <paramref name="max"/> items joined with ",", then " + N more..." for the rest.</summary>
    public static string ListWithMore(IReadOnlyList<string> shown, int total, int max, string whenEmpty)
    {
        var text = string.Join(",", shown);
        if (total > max) return $"{text} + {total - max} more...";
        return text.Length == 0 ? whenEmpty : text;
    }

    /// <summary>"host:port", with brackets around an IPv6 host (Go's net.JoinHostPort).</summary>
    public static string HostPort(string host, int port) => HostPort(host, port.ToString());

    /// <summary>"host:port", with brackets around an IPv6 host (Go's net.JoinHostPort).</summary>
    public static string HostPort(string host, string port) => host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";

    /// <summary>The value or the placeholder when the value is null or empty.</summary>
    public static string OrDefault(string? value, string placeholder) => string.IsNullOrEmpty(value) ? placeholder : value;

    /// <summary>
    /// "&lt;kind&gt;[.&lt;group&gt;]/&lt;name&gt;" in lower case kind/group as kubectl writes resource names
    /// ("deployment.apps/web", "pod/web-0"); the group is taken from an apiVersion such as "apps/v1".
    /// </summary>
    public static string KindAndName(string? kind, string? apiVersionOrGroup, string? name)
    {
        var group = apiVersionOrGroup ?? "";
        var slash = group.IndexOf('/');
        if (slash >= 0) group = group[..slash];
        else if (!group.Contains('.') && group.StartsWith('v') && group.Length > 1 && char.IsDigit(group[1])) group = ""; // "v1": core
        var prefix = string.IsNullOrEmpty(group) ? kind : $"{kind}.{group}";
        return $"{prefix?.ToLowerInvariant()}/{name}";
    }
}
