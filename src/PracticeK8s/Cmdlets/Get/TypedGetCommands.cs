using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Cmdlets.Get;

/// <summary>A Get cmdlet for one built-in kind: no discovery round trip.</summary>
public abstract class GetKubeBuiltinCommand : GetKubeObjectCommand
{
    protected abstract ResourceKind Kind { get; }

    protected override Task<IReadOnlyList<ResourceKind>> KindsAsync(KubeTarget target, CancellationToken cancel) =>
        Task.FromResult<IReadOnlyList<ResourceKind>>([Kind]);
}

[Cmdlet(VerbsCommon.Get, "KubeNamespace")]
[OutputType("k8s.Models.V1Namespace")]
public sealed class GetKubeNamespaceCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Namespace;
}

[Cmdlet(VerbsCommon.Get, "KubePod")]
[OutputType("k8s.Models.V1Pod")]
public sealed class GetKubePodCommand : GetKubeBuiltinCommand
{
    /// <summary>Only pods scheduled on this node (kubectl's --field-selector spec.nodeName=...).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NodeNameCompleter))]
    public string? Node { get; set; }

    protected override ResourceKind Kind => KindCatalog.Pod;
    protected override string? ExtraFieldSelector => string.IsNullOrEmpty(Node) ? null : $"spec.nodeName={Node}";
}

[Cmdlet(VerbsCommon.Get, "KubeReplicaSet")]
[OutputType("k8s.Models.V1ReplicaSet")]
public sealed class GetKubeReplicaSetCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.ReplicaSet;
}

[Cmdlet(VerbsCommon.Get, "KubeDeployment")]
[OutputType("k8s.Models.V1Deployment")]
public sealed class GetKubeDeploymentCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Deployment;
}

[Cmdlet(VerbsCommon.Get, "KubeDaemonSet")]
[OutputType("k8s.Models.V1DaemonSet")]
public sealed class GetKubeDaemonSetCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.DaemonSet;
}

[Cmdlet(VerbsCommon.Get, "KubeStatefulSet")]
[OutputType("k8s.Models.V1StatefulSet")]
public sealed class GetKubeStatefulSetCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.StatefulSet;
}

[Cmdlet(VerbsCommon.Get, "KubePersistentVolumeClaim")]
[OutputType("k8s.Models.V1PersistentVolumeClaim")]
public sealed class GetKubePersistentVolumeClaimCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.PersistentVolumeClaim;
}

[Cmdlet(VerbsCommon.Get, "KubePersistentVolume")]
[OutputType("k8s.Models.V1PersistentVolume")]
public sealed class GetKubePersistentVolumeCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.PersistentVolume;
}

[Cmdlet(VerbsCommon.Get, "KubeService")]
[OutputType("k8s.Models.V1Service")]
public sealed class GetKubeServiceCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Service;
}

[Cmdlet(VerbsCommon.Get, "KubeEndpoints")]
[OutputType("k8s.Models.V1Endpoints")]
public sealed class GetKubeEndpointsCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Endpoints;
}

[Cmdlet(VerbsCommon.Get, "KubeNode")]
[OutputType("k8s.Models.V1Node")]
public sealed class GetKubeNodeCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Node;
}

[Cmdlet(VerbsCommon.Get, "KubeIngress")]
[OutputType("k8s.Models.V1Ingress")]
public sealed class GetKubeIngressCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Ingress;
}

[Cmdlet(VerbsCommon.Get, "KubeConfigMap")]
[OutputType("k8s.Models.V1ConfigMap")]
public sealed class GetKubeConfigMapCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.ConfigMap;
}

[Cmdlet(VerbsCommon.Get, "KubeSecret")]
[OutputType("k8s.Models.V1Secret")]
public sealed class GetKubeSecretCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Secret;
}

[Cmdlet(VerbsCommon.Get, "KubeJob")]
[OutputType("k8s.Models.V1Job")]
public sealed class GetKubeJobCommand : GetKubeBuiltinCommand
{
    protected override ResourceKind Kind => KindCatalog.Job;
}

[Cmdlet(VerbsCommon.Get, "KubeEvent")]
[OutputType("k8s.Models.Corev1Event")]
public sealed class GetKubeEventCommand : GetKubeBuiltinCommand
{
    /// <summary>Only events of these types (kubectl events --types): Normal, Warning.</summary>
    [Parameter]
    [ValidateSet("Normal", "Warning")]
    public string[]? Type { get; set; }

    /// <summary>Only the events of one object, as TYPE/NAME: pod/web-0, deploy/web (kubectl events --for).</summary>
    [Parameter]
    public string? For { get; set; }

    protected override ResourceKind Kind => KindCatalog.Event;

    protected override string? ExtraFieldSelector => EventFilter.FieldSelector(Type, For);
}
