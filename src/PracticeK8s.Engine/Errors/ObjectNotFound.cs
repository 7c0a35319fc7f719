using System.Management.Automation;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Errors;

/// <summary>kubectl's "pods \"web\" not found" as the module's one not-found error (KubeObjectNotFound, ObjectNotFound).</summary>
public static class ObjectNotFound
{
    public static KubeException Of(ResourceKind kind, string name, Exception? inner = null) =>
        new($"{kind.QualifiedPlural} \"{name}\" not found", "KubeObjectNotFound", ErrorCategory.ObjectNotFound, name, inner);
}
