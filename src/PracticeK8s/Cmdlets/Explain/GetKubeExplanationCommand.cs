using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Explain;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Explain;

/// <summary>
/// kubectl explain TYPE[.FIELD.PATH]: the documentation of a kind or one of its fields, from the
/// server's OpenAPI v3 schema, with the fields below it (all levels with -Recursive).
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeExplanation")]
[OutputType(typeof(KubeExplanation))]
public sealed class GetKubeExplanationCommand : KubeCmdlet
{
    /// <summary>A type and an optional field path: pods, deploy.spec.strategy, pods.spec.containers.ports.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string Path { get; set; } = "";

    /// <summary>List every field below, all levels deep, without descriptions (kubectl --recursive).</summary>
    [Parameter]
    public SwitchParameter Recursive { get; set; }

    /// <summary>Another version of the type's group (kubectl --api-version), such as autoscaling/v1.</summary>
    [Parameter]
    public string? ApiVersion { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancel)
    {
        var target = ResolveTarget();
        var segments = Path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
            throw new KubeException("you must specify the type of resource to explain", "KubeMissingArgument", ErrorCategory.InvalidArgument, Path);
        var kind = (await Discovery.For(target.Connection).ResolveAsync(segments[0], cancel).ConfigureAwait(false))[0];
        var (group, version) = (kind.Group, kind.Version);
        if (!string.IsNullOrEmpty(ApiVersion))
        {
            var slash = ApiVersion.IndexOf('/');
            (group, version) = slash < 0 ? ("", ApiVersion) : (ApiVersion[..slash], ApiVersion[(slash + 1)..]);
        }
        var document = await SchemaDocument.FetchAsync(target.Api, group, version, cancel).ConfigureAwait(false);
        PostObject(new FieldExplainer(document).Explain(group, version, kind.Kind, segments[1..], Recursive));
    }
}
