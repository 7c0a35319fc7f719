using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PracticeK8s.Sandbox.Security;

/// <summary>
/// Bearer-token authentication: the admin token, the read-only token, a service-account token this
/// sandbox signed whose pod and service account still exist (<paramref name="isBound"/>: bound tokens
/// die with their pod), or nobody.
/// </summary>
public sealed class Authenticator(SandboxTokens tokens, ServiceAccountTokens? serviceAccounts = null, Func<ServiceAccountClaims, bool>? isBound = null)
{
    private readonly byte[] _admin = Encoding.UTF8.GetBytes(tokens.Admin);
    private readonly byte[] _readOnly = Encoding.UTF8.GetBytes(tokens.ReadOnly);

    /// <summary>Paths a real cluster serves to anyone (kubectl's dispatcher probes /version before it authenticates).</summary>
    public static bool IsAnonymousPath(PathString path) =>
        path == "/version" || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/livez") || path.StartsWithSegments("/readyz");

    public UserInfo? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var presented = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        if (CryptographicOperations.FixedTimeEquals(presented, _admin)) return UserInfo.Admin;
        if (CryptographicOperations.FixedTimeEquals(presented, _readOnly)) return UserInfo.ReadOnly;
        if (serviceAccounts?.Validate(header[prefix.Length..].Trim()) is { } claims && (isBound?.Invoke(claims) ?? false))
            return UserInfo.ServiceAccount(claims.Namespace, claims.ServiceAccountName);
        return null;
    }
}
