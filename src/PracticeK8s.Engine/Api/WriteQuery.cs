namespace PracticeK8s.Engine.Api;

/// <summary>Query parameters every write takes: field manager, dry run, field validation, force (server-side apply).</summary>
public sealed record WriteQuery
{
    public string? FieldManager { get; init; }
    public bool DryRun { get; init; }

    /// <summary>Strict, Warn or Ignore (kubectl sends Strict).</summary>
    public string? FieldValidation { get; init; }

    /// <summary>Server-side apply only: take over fields other managers own.</summary>
    public bool? Force { get; init; }

    public string Query()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(FieldManager))
            parts.Add("fieldManager=" + Uri.EscapeDataString(FieldManager));
        if (DryRun)
            parts.Add("dryRun=All");
        if (!string.IsNullOrEmpty(FieldValidation))
            parts.Add("fieldValidation=" + FieldValidation);
        if (Force is bool force)
            parts.Add("force=" + (force ? "true" : "false"));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>How a delete goes: grace period, cascade (propagation policy), preconditions, dry run.</summary>
public sealed record DeleteOptions
{
    public long? GracePeriodSeconds { get; init; }

    /// <summary>Background, Foreground or Orphan.</summary>
    public string? PropagationPolicy { get; init; } = "Background";

    public string? PreconditionUid { get; init; }
    public string? PreconditionResourceVersion { get; init; }
    public bool DryRun { get; init; }

    public string ToJson()
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (GracePeriodSeconds is long grace)
            body["gracePeriodSeconds"] = grace;
        if (PropagationPolicy is not null)
            body["propagationPolicy"] = PropagationPolicy;
        if (PreconditionUid is not null || PreconditionResourceVersion is not null)
        {
            var preconditions = new System.Text.Json.Nodes.JsonObject();
            if (PreconditionUid is not null)
                preconditions["uid"] = PreconditionUid;
            if (PreconditionResourceVersion is not null)
                preconditions["resourceVersion"] = PreconditionResourceVersion;
            body["preconditions"] = preconditions;
        }
        if (DryRun)
            body["dryRun"] = new System.Text.Json.Nodes.JsonArray("All");
        return body.ToJsonString();
    }
}

/// <summary>The patch media types the API server accepts.</summary>
public static class PatchTypes
{
    public const string Json = "application/json-patch+json";
    public const string Merge = "application/merge-patch+json";
    public const string StrategicMerge = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";
}
