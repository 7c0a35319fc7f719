using System.Management.Automation;
using PracticeK8s.Engine.Errors;

namespace PracticeK8s.Engine.Copy;

/// <summary>A tar entry refused because extracting it would write outside the destination.</summary>
public sealed class UnsafeEntryException(string entry, string reason)
    : KubeException($"refusing tar entry \"{entry}\": {reason}", "KubeCopyUnsafeEntry", ErrorCategory.SecurityError, entry)
{
    public string Entry { get; } = entry;
}
