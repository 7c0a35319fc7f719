using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Sandbox.Security;

/// <summary>What a bound service-account token says about its holder.</summary>
public sealed record ServiceAccountClaims(string Namespace, string ServiceAccountName, string ServiceAccountUid,
    string? PodName, string? PodUid, DateTimeOffset Expires);

/// <summary>
/// Bound service-account tokens as the API server's TokenRequest issues them: a JWS (ES256) with iss,
/// sub <c>system:serviceaccount:NS:NAME</c>, aud, iat/nbf/exp, jti and the <c>kubernetes.io</c> claims
/// (namespace, pod, serviceaccount, node). The signing key is made once, 0600 in the data dir.
/// Hand-written rather than a JWT library: one fixed algorithm, a few claims, and
/// System.Security.Cryptography already signs and verifies; a library would bring algorithm
/// negotiation (alg=none, key confusion) that this token never needs.
/// </summary>
public sealed class ServiceAccountTokens
{
    public const string KeyFileName = "service-account.key";
    public const string Issuer = "https://kubernetes.default.svc.cluster.local";
    public const string ApiAudience = "https://kubernetes.default.svc.cluster.local";
    /// <summary>A token longer than this is not one of ours (checked before anything is decoded).</summary>
    private const int MaxTokenLength = 8192;
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);
    private readonly ECDsa _key;
    private readonly string _keyId;

    private ServiceAccountTokens(ECDsa key)
    {
        _key = key;
        _keyId = Base64Url(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    public static ServiceAccountTokens LoadOrCreate(string dataDir)
    {
        var path = Path.Combine(dataDir, KeyFileName);
        var key = ECDsa.Create();
        if (File.Exists(path)) key.ImportFromPem(File.ReadAllText(path));
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            PrivateFiles.WriteAtomically(path, key.ExportECPrivateKeyPem());
        }
        return new ServiceAccountTokens(key);
    }

    /// <summary>A token for the service account, bound to a pod when one is given.</summary>
    public string Issue(ServiceAccountClaims claims, string? nodeName = null, string? nodeUid = null, string audience = ApiAudience)
    {
        var now = DateTimeOffset.UtcNow;
        var kubernetes = new JsonObject
        {
            ["namespace"] = claims.Namespace,
            ["serviceaccount"] = new JsonObject { ["name"] = claims.ServiceAccountName, ["uid"] = claims.ServiceAccountUid },
        };
        if (claims.PodName is not null) kubernetes["pod"] = new JsonObject { ["name"] = claims.PodName, ["uid"] = claims.PodUid };
        if (nodeName is not null) kubernetes["node"] = new JsonObject { ["name"] = nodeName, ["uid"] = nodeUid ?? "" };
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray(audience),
            ["exp"] = claims.Expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["jti"] = Guid.NewGuid().ToString(),
            ["kubernetes.io"] = kubernetes,
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = $"system:serviceaccount:{claims.Namespace}:{claims.ServiceAccountName}",
        };
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = _keyId };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        // ECDsa signs in IEEE P1363 form (r||s), which is what JWS ES256 wants.
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>The claims of a token this sandbox signed for the API audience and that has not expired; null otherwise.</summary>
    public ServiceAccountClaims? Validate(string token)
    {
        if (token.Length > MaxTokenLength) return null;
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            using var header = JsonDocument.Parse(FromBase64Url(parts[0]), new JsonDocumentOptions { MaxDepth = 4 });
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "ES256") return null;
            if (!_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256)) return null;
            using var payload = JsonDocument.Parse(FromBase64Url(parts[1]), new JsonDocumentOptions { MaxDepth = 6 });
            var p = payload.RootElement;
            if (Str(p, "iss") != Issuer) return null;
            if (!p.TryGetProperty("aud", out var aud) || aud.ValueKind != JsonValueKind.Array
                || !aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == ApiAudience)) return null;
            var now = DateTimeOffset.UtcNow;
            var exp = DateTimeOffset.FromUnixTimeSeconds(Num(p, "exp") ?? 0);
            if (exp + Skew < now || DateTimeOffset.FromUnixTimeSeconds(Num(p, "nbf") ?? 0) - Skew > now) return null;
            if (!p.TryGetProperty("kubernetes.io", out var k) || k.ValueKind != JsonValueKind.Object) return null;
            var ns = Str(k, "namespace");
            var sa = k.TryGetProperty("serviceaccount", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            var pod = k.TryGetProperty("pod", out var pd) && pd.ValueKind == JsonValueKind.Object ? pd : default;
            var saName = sa.ValueKind == JsonValueKind.Object ? Str(sa, "name") : null;
            if (ns is null || saName is null || Str(p, "sub") != $"system:serviceaccount:{ns}:{saName}") return null;
            return new ServiceAccountClaims(ns, saName, Str(sa, "uid") ?? "",
                pod.ValueKind == JsonValueKind.Object ? Str(pod, "name") : null,
                pod.ValueKind == JsonValueKind.Object ? Str(pod, "uid") : null, exp);
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or InvalidOperationException) { return null; }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
    }
}
