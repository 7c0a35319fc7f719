using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Get;

/// <summary>kubectl get &lt;any kind&gt;: kinds, plurals, short names and categories ("all") from the server's discovery, custom resources included.</summary>
[Cmdlet(VerbsCommon.Get, "KubeResource")]
[OutputType("k8s.Models.V1Pod", "PracticeK8s.KubeObject")]
public sealed class GetKubeResourceCommand : GetKubeObjectCommand
{
    /// <summary>What to get: a kind, plural, short name or category, optionally group-qualified ("deployments.apps"); several allowed.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string[] Kind { get; set; } = [];

    /// <summary>Names to get; wildcards filter the list.</summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public override string[]? Name { get; set; }

    protected override async Task<IReadOnlyList<ResourceKind>> KindsAsync(KubeTarget target, CancellationToken cancel)
    {
        var discovery = Discovery.For(target.Connection);
        var kinds = new List<ResourceKind>();
        foreach (var kind in Kind.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            foreach (var resolved in await discovery.ResolveAsync(kind, cancel).ConfigureAwait(false))
            {
                if (!kinds.Contains(resolved))
                    kinds.Add(resolved);
            }
        }
        return kinds;
    }
}
