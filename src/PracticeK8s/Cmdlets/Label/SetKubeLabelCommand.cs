using PracticeK8s.Cmdlets.Write;
using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Label;

/// <summary>
/// kubectl label: adds, changes or removes labels of objects named or piped in. Like kubectl, an
/// existing label is not changed without -Overwrite.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeLabel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ByKind")]
[OutputType("System.String")]
public sealed class SetKubeLabelCommand : KubeWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByKind")]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string Kind { get; set; } = "";

    [Parameter(Position = 1, ParameterSetName = "ByKind")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ObjectNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Objects from any Get cmdlet.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByObject")]
    public PSObject? InputObject { get; set; }

    /// <summary>Labels to set: a hashtable (@{ tier = 'web' }); a $null value removes the label.</summary>
    [Parameter(Mandatory = true)]
    public Hashtable Label { get; set; } = new();

    /// <summary>Change labels that already have another value (kubectl --overwrite).</summary>
    [Parameter]
    public SwitchParameter Overwrite { get; set; }

    /// <summary>With -Kind and no names: label every object of the kind matching this selector.</summary>
    [Parameter(ParameterSetName = "ByKind")]
    [Alias("l", "LabelSelector")]
    public object? Selector { get; set; }

    /// <summary>Return the updated objects.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var discovery = Discovery.For(target.Connection);
        var client = new KubeResourceClient(target.Connection);
        var targets = new List<(ResourceKind Kind, string? Ns, string Name)>();
        if (InputObject is not null)
        {
            var facts = ObjectFacts.Of(InputObject) ?? throw new KubeException("Set-KubeLabel needs API objects from the pipeline", "KubeInvalidInput", ErrorCategory.InvalidArgument, InputObject);
            var kind = await discovery.ForObjectAsync(facts.ApiVersion ?? "v1", facts.Kind ?? "", cancel).ConfigureAwait(false);
            targets.Add((kind, facts.Namespace, facts.Name ?? ""));
        }
        else
        {
            foreach (var kind in await discovery.ResolveAsync(Kind, cancel).ConfigureAwait(false))
            {
                var ns = kind.Namespaced ? target.Namespace : null;
                var exact = Name?.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList() ?? [];
                if (Name is { Length: > 0 } && exact.Count == Name.Length && Selector is null)
                {
                    targets.AddRange(exact.Select(n => (kind, ns, n)));
                    continue;
                }
                var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
                await foreach (var obj in client.ListAsync(kind, ns, new ListOptions { LabelSelector = Selectors.FromArgument(Selector) }, cancel).ConfigureAwait(false))
                {
                    var name = ObjectFacts.Of(obj)?.Name ?? "";
                    if (patterns is null || patterns.Any(p => p.IsMatch(name)))
                        targets.Add((kind, ns, name));
                }
            }
        }

        var changes = LabelChange.FromHashtable(Label);
        foreach (var (kind, ns, name) in targets)
        {
            try
            {
                var live = await client.GetJsonAsync(kind, ns, name, cancel).ConfigureAwait(false);
                var patch = LabelChange.Patch(live, changes, Overwrite, out var unchanged);
                var display = $"{kind.QualifiedKind}/{name}";
                if (patch is null)
                {
                    PostObject($"{display} {(unchanged ? "not labeled" : "labeled")}");
                    continue;
                }
                if (!await ShouldProcessAsync(display + (ns is null ? "" : $" in namespace {ns}"), "Set labels " + LabelChange.Describe(changes), cancel).ConfigureAwait(false))
                    continue;
                var updated = await client.PatchAsync(kind, ns, name, PatchTypes.Merge, patch.ToJsonString(),
                    new WriteQuery { FieldManager = "kubectl-label" }, cancel).ConfigureAwait(false);
                PostObject(PassThru ? KubeResourceClient.ToObject(kind, updated) : $"{display} {LabelChange.Verb(changes, Overwrite)}");
            }
            catch (KubeException e)
            {
                PostError(e.ToErrorRecord(name));
            }
        }
    }
}
