using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Session;

/// <summary>
/// The warning for a context whose kubeconfig sets insecure-skip-tls-verify: given once per
/// PowerShell session (runspace) and server, so scripts are told without being flooded.
/// </summary>
internal static class InsecureServerWarning
{
    private static readonly ConditionalWeakTable<Runspace, HashSet<string>> s_warned = new();

    /// <summary>The warning text the first time this runspace uses the connection; null afterwards or when TLS is verified.</summary>
    public static string? TakeFor(Runspace? runspace, KubeConnection connection)
    {
        if (!connection.SkipsTlsVerify || runspace is null)
            return null;
        var warned = s_warned.GetValue(runspace, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (warned)
        {
            if (!warned.Add(connection.ContextName + "\n" + connection.Server))
                return null;
        }
        return $"Context \"{connection.ContextName}\" sets insecure-skip-tls-verify: the certificate of {connection.Server} is not checked, " +
            "so anyone on the network path can read or change this session's requests, credentials included.";
    }
}
