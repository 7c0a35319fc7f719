using System.Text;
using System.Text.Json;

namespace PracticeK8s.Sandbox.Api;

/// <summary>The opaque list continuation: base64 of <c>{"v":"meta.k8s.io/v1","rv":N,"start":"ns/name"}</c> (as upstream).</summary>
public sealed record ContinueToken(long ResourceVersion, string StartNamespace, string StartName)
{
    public string Encode()
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["v"] = "meta.k8s.io/v1", ["rv"] = ResourceVersion, ["start"] = $"{StartNamespace}/{StartName}\u0000",
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ContinueToken Decode(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            using var doc = JsonDocument.Parse(Convert.FromBase64String(b64));
            var r = doc.RootElement;
            if (r.GetProperty("v").GetString() != "meta.k8s.io/v1") throw new FormatException();
            var start = r.GetProperty("start").GetString()!.TrimEnd('\u0000');
            var slash = start.IndexOf('/');
            return new ContinueToken(r.GetProperty("rv").GetInt64(), slash < 0 ? "" : start[..slash], slash < 0 ? start : start[(slash + 1)..]);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw ApiException.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
    }
}
