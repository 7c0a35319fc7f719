namespace PracticeK8s.Engine.Api;

/// <summary>What a list or watch asks for.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }
    public string? FieldSelector { get; init; }

    /// <summary>Items per page (kubectl: 500).</summary>
    public int PageSize { get; init; } = 500;

    public string Query(string? continueToken = null, string? resourceVersion = null, bool watch = false, int? timeoutSeconds = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(LabelSelector))
            parts.Add("labelSelector=" + Uri.EscapeDataString(LabelSelector));
        if (!string.IsNullOrEmpty(FieldSelector))
            parts.Add("fieldSelector=" + Uri.EscapeDataString(FieldSelector));
        if (watch)
        {
            parts.Add("watch=true");
            parts.Add("allowWatchBookmarks=true");
            if (timeoutSeconds is int t)
                parts.Add("timeoutSeconds=" + t);
        }
        else if (PageSize > 0)
        {
            parts.Add("limit=" + PageSize);
        }
        if (!string.IsNullOrEmpty(continueToken))
            parts.Add("continue=" + Uri.EscapeDataString(continueToken));
        if (!string.IsNullOrEmpty(resourceVersion))
            parts.Add("resourceVersion=" + Uri.EscapeDataString(resourceVersion));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
