using System.Text;

namespace PracticeK8s.Sandbox.Runtime.Isolation;

/// <summary>A pod's <c>spec.dnsConfig</c>: extra name servers, search domains and options (<c>name</c> or <c>name:value</c>).</summary>
public sealed record PodDnsConfig(IReadOnlyList<string> Nameservers, IReadOnlyList<string> Searches, IReadOnlyList<string> Options)
{
    public static readonly PodDnsConfig Empty = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());
}

/// <summary>
/// The <c>/etc/resolv.conf</c> the kubelet writes for a pod, by <c>dnsPolicy</c>:
/// <list type="bullet">
/// <item><c>ClusterFirst</c> (the default): the cluster DNS, the search path
/// <c>&lt;ns&gt;.svc.cluster.local svc.cluster.local cluster.local</c> followed by the host's search domains,
/// <c>options ndots:5</c>; with <c>hostNetwork</c> it falls back to <c>Default</c>.</item>
/// <item><c>ClusterFirstWithHostNet</c>: as ClusterFirst, with or without hostNetwork.</item>
/// <item><c>Default</c>: the host's name servers, search domains and options.</item>
/// <item><c>None</c>: nothing but <c>dnsConfig</c>.</item>
/// </list>
/// <c>dnsConfig</c> is then appended (duplicates dropped; an option of <c>dnsConfig</c> replaces one of the same
/// name), and the lists are cut to the C library's 3 name servers and the kubelet's 32 search domains.
/// When the cluster DNS is not reachable from the pod (no pod network), the cluster policies keep their search
/// path but use the host's name servers and no <c>ndots</c>, so names outside the cluster still resolve quickly.
/// </summary>
public static class PodResolvConf
{
    public const string ClusterDomain = "cluster.local";
    public const string ClusterDnsAddress = "10.96.0.10";
    public const int MaxNameservers = 3;
    public const int MaxSearches = 32;

    public static string Render(string @namespace, string? dnsPolicy, bool hostNetwork, PodDnsConfig? dnsConfig,
        string hostResolvConf, bool clusterDnsReachable)
    {
        var host = HostSettings.Parse(hostResolvConf);
        var policy = string.IsNullOrEmpty(dnsPolicy) ? "ClusterFirst" : dnsPolicy;
        var cluster = policy == "ClusterFirstWithHostNet" || (policy == "ClusterFirst" && !hostNetwork);
        List<string> nameservers, searches, options;
        if (policy == "None")
            (nameservers, searches, options) = (new(), new(), new());
        else if (cluster)
        {
            searches = new List<string> { $"{@namespace}.svc.{ClusterDomain}", $"svc.{ClusterDomain}", ClusterDomain };
            searches.AddRange(host.Searches);
            (nameservers, options) = clusterDnsReachable
                ? (new List<string> { ClusterDnsAddress }, new List<string> { "ndots:5" })
                : (host.Nameservers.ToList(), new List<string>());
        }
        else
            (nameservers, searches, options) = (host.Nameservers.ToList(), host.Searches.ToList(), host.Options.ToList());

        var extra = dnsConfig ?? PodDnsConfig.Empty;
        nameservers = nameservers.Concat(extra.Nameservers).Distinct().Take(MaxNameservers).ToList();
        searches = searches.Concat(extra.Searches).Distinct().Take(MaxSearches).ToList();
        options = MergeOptions(options, extra.Options);

        var text = new StringBuilder();
        if (searches.Count > 0) text.Append("search ").Append(string.Join(' ', searches)).Append('\n');
        foreach (var ns in nameservers) text.Append("nameserver ").Append(ns).Append('\n');
        if (options.Count > 0) text.Append("options ").Append(string.Join(' ', options)).Append('\n');
        return text.ToString();
    }

    /// <summary>Options by name, in first-seen order; a later one of the same name wins.</summary>
    private static List<string> MergeOptions(IEnumerable<string> first, IEnumerable<string> then)
    {
        var byName = new List<(string Name, string Option)>();
        foreach (var option in first.Concat(then))
        {
            var name = option.Split(':', 2)[0];
            var at = byName.FindIndex(o => o.Name == name);
            if (at >= 0) byName[at] = (name, option);
            else byName.Add((name, option));
        }
        return byName.Select(o => o.Option).ToList();
    }

    /// <summary>What a resolv.conf says: name servers, search domains (the last search or domain line wins), options.</summary>
    private sealed record HostSettings(IReadOnlyList<string> Nameservers, IReadOnlyList<string> Searches, IReadOnlyList<string> Options)
    {
        public static HostSettings Parse(string resolvConf)
        {
            var nameservers = new List<string>();
            var searches = new List<string>();
            var options = new List<string>();
            foreach (var line in resolvConf.Split('\n'))
            {
                var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2 || words[0].StartsWith('#') || words[0].StartsWith(';')) continue;
                switch (words[0])
                {
                    case "nameserver": nameservers.Add(words[1]); break;
                    case "search" or "domain": searches = words.Skip(1).Where(w => w != ".").Select(w => w.TrimEnd('.')).ToList(); break;
                    case "options": options.AddRange(words.Skip(1)); break;
                }
            }
            return new HostSettings(nameservers, searches, options);
        }
    }
}
