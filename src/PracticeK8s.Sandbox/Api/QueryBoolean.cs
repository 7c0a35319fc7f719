using Microsoft.Extensions.Primitives;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// A boolean query parameter as the API server converts one: absent, "0" or "false" in any case is
/// false; any other value — "true", "True", "1", "t", even an empty one (<c>?watch</c>) — is true. Clients
/// rely on it: the official Python client sends <c>watch=True</c>, KubernetesClient's exec sends 1.
/// </summary>
public static class QueryBoolean
{
    public static bool Parse(StringValues values)
    {
        if (values.Count == 0)
            return false;
        var first = values[0] ?? "";
        return !(first == "0" || first.Equals("false", StringComparison.OrdinalIgnoreCase));
    }
}
