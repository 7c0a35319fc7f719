using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Resources;

/// <summary>kubectl events' --types and --for as a field selector on Events.</summary>
public static class EventFilter
{
    /// <summary>
    /// "type=Warning" for one type (both types select everything), and for "TYPE/NAME" the involved
    /// object's kind and name, the type resolved as kubectl resolves it (pod, po, deploy, deployments.apps).
    /// </summary>
    public static string? FieldSelector(IReadOnlyCollection<string>? types, string? forObject)
    {
        var parts = new List<string>();
        var distinct = types?.Select(t => char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant()).Distinct().ToList() ?? [];
        if (distinct.Count == 1)
            parts.Add("type=" + distinct[0]);
        if (!string.IsNullOrEmpty(forObject))
        {
            var slash = forObject.IndexOf('/');
            if (slash <= 0 || slash == forObject.Length - 1)
                throw new KubeException($"-For \"{forObject}\" must be in TYPE/NAME form, such as pod/web-0 or deploy/web", "KubeInvalidArgument",
                    ErrorCategory.InvalidArgument, forObject);
            var type = forObject[..slash];
            var kind = Discovery.Match(KindCatalog.All, type).FirstOrDefault()
                ?? throw new KubeException($"the server doesn't have a resource type \"{type}\"", "KubeResourceTypeNotFound",
                    ErrorCategory.ObjectNotFound, type);
            parts.Add($"involvedObject.kind={kind.Kind}");
            parts.Add($"involvedObject.name={forObject[(slash + 1)..]}");
        }
        return parts.Count == 0 ? null : string.Join(',', parts);
    }
}
