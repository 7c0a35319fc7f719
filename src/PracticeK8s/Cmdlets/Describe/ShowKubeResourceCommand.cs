using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Describe;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Describe;

/// <summary>kubectl describe: the text (or, with -AsObject, its sections) for objects named or piped in.</summary>
[Cmdlet(VerbsCommon.Show, "KubeResource", DefaultParameterSetName = "ByKind")]
[OutputType("System.String", "PracticeK8s.Printing.DescribeSection")]
public sealed class ShowKubeResourceCommand : KubeCmdlet
{
    /// <summary>The kind to describe (pod, deployment, svc, nodes, deployments.apps...).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByKind")]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string Kind { get; set; } = "";

    /// <summary>Names; wildcards allowed; like kubectl, a name that matches no object exactly describes the objects it prefixes.</summary>
    [Parameter(Position = 1, ParameterSetName = "ByKind")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A label selector (string or hashtable) choosing the objects to describe.</summary>
    [Parameter(ParameterSetName = "ByKind")]
    [Alias("l", "LabelSelector")]
    public object? Selector { get; set; }

    /// <summary>Objects from any Get cmdlet.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByObject")]
    public PSObject? InputObject { get; set; }

    /// <summary>Return the description's sections (label, value, children, tables) instead of text.</summary>
    [Parameter]
    public SwitchParameter AsObject { get; set; }

    private int _described;

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var fetcher = new DescribeFetcher(target.Connection);
        var discovery = Discovery.For(target.Connection);

        if (InputObject is not null)
        {
            var facts = ObjectFacts.Of(InputObject) ?? throw new KubeException(
                "Show-KubeResource needs API objects from the pipeline (with apiVersion, kind and metadata)", "KubeInvalidInput",
                ErrorCategory.InvalidArgument, InputObject);
            var kind = await discovery.ForObjectAsync(facts.ApiVersion ?? "v1", facts.Kind ?? "", cancel).ConfigureAwait(false);
            await EmitAsync(fetcher, kind, facts.Namespace ?? target.Namespace, facts.Name ?? "", cancel).ConfigureAwait(false);
            return;
        }

        var kinds = await discovery.ResolveAsync(Kind, cancel).ConfigureAwait(false);
        var client = new KubeResourceClient(target.Connection);
        foreach (var kind in kinds)
        {
            var ns = kind.Namespaced ? target.Namespace : null;
            var names = new List<string>();
            var all = new List<string>();
            await foreach (var obj in client.ListAsync(kind, ns, new ListOptions { LabelSelector = Selectors.FromArgument(Selector) }, cancel).ConfigureAwait(false))
                all.Add(ObjectFacts.Of(obj)?.Name ?? "");
            if (Name is null || Name.Length == 0)
            {
                names.AddRange(all);
            }
            else
            {
                foreach (var name in Name)
                {
                    // kubectl describe: a name that matches no object exactly describes the objects it prefixes.
                    var filter = NameFilter.Of([name])!;
                    var matches = !filter.OnlyExact ? all.Where(filter.Matches).ToList()
                        : all.Contains(name) ? [name] : all.Where(n => n.StartsWith(name, StringComparison.Ordinal)).ToList();
                    if (matches.Count == 0 && filter.OnlyExact)
                        PostError(ObjectNotFound.Of(kind, name).ToErrorRecord(name));
                    names.AddRange(matches.Where(m => !names.Contains(m)));
                }
            }
            foreach (var name in names)
                await EmitAsync(fetcher, kind, ns, name, cancel).ConfigureAwait(false);
        }
    }

    private async Task EmitAsync(DescribeFetcher fetcher, ResourceKind kind, string? ns, string name, CancellationToken cancel)
    {
        try
        {
            if (AsObject)
            {
                foreach (var section in await fetcher.SectionsAsync(kind, ns, name, cancel).ConfigureAwait(false))
                    PostObject(section);
            }
            else
            {
                var text = await fetcher.DescribeAsync(kind, ns, name, cancel).ConfigureAwait(false);
                // kubectl separates several descriptions with a blank line.
                PostObject((_described++ > 0 ? "\n" : "") + text.TrimEnd('\n'));
            }
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            PostError(e.ToErrorRecord(name));
        }
    }
}
