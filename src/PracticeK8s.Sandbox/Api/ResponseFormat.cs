namespace PracticeK8s.Sandbox.Api;

public enum ResponseKind { Json, Table, DiscoveryV2 }

/// <summary>What the client asked to get back, decided from its Accept header.</summary>
public sealed record ResponseFormat(ResponseKind Kind, string IncludeObject = "Metadata")
{
    public static readonly ResponseFormat Json = new(ResponseKind.Json);

    /// <summary>
    /// Walks the Accept list in order and takes the first entry the server can meet: a Table
    /// (<c>as=Table;g=meta.k8s.io</c>) when <paramref name="tableAllowed"/>, aggregated discovery when
    /// <paramref name="discoveryAllowed"/>, else JSON. Only-unmeetable lists (protobuf alone) → 406.
    /// </summary>
    public static ResponseFormat Negotiate(string? accept, string? includeObject, bool tableAllowed, bool discoveryAllowed)
    {
        var list = MediaType.ParseList(accept);
        if (list.Count == 0) return Json;
        foreach (var m in list)
        {
            var @as = m.Param("as");
            if (m.Type == MediaType.Json && @as is not null)
            {
                if (@as == "Table" && tableAllowed && m.Param("g") == "meta.k8s.io" && m.Param("v") is "v1" or "v1beta1")
                    return new ResponseFormat(ResponseKind.Table, string.IsNullOrEmpty(includeObject) ? "Metadata" : includeObject);
                if (@as == "APIGroupDiscoveryList" && discoveryAllowed && m.Param("g") == "apidiscovery.k8s.io" && m.Param("v") == "v2")
                    return new ResponseFormat(ResponseKind.DiscoveryV2);
                continue;
            }
            if (m.Type is MediaType.Json or "application/*" or "*/*" or MediaType.Yaml) return Json;
        }
        throw ApiException.NotAcceptable("application/json, application/yaml");
    }
}
