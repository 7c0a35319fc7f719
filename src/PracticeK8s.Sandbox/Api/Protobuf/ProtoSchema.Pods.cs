namespace PracticeK8s.Sandbox.Api.Protobuf;

/// <summary>Pod templates: the PodSpec and Container fields generators set and templates commonly hold.</summary>
public static partial class ProtoSchema
{
    private static Dictionary<string, IReadOnlyDictionary<int, ProtoField>> Pods() => new()
    {
        ["PodTemplateSpec"] = WithSpec("PodSpec"),
        ["PodSpec"] = Fields(
            (1, M("volumes", "Volume", repeated: true)), (2, M("containers", "Container", repeated: true)), (3, S("restartPolicy")),
            (4, I("terminationGracePeriodSeconds", pointer: true)), (5, I("activeDeadlineSeconds", pointer: true)), (6, S("dnsPolicy")),
            (7, Map("nodeSelector")), (8, S("serviceAccountName")), (9, S("serviceAccount")), (10, S("nodeName")),
            (11, B("hostNetwork")), (12, B("hostPID")), (13, B("hostIPC")),
            (15, M("imagePullSecrets", "LocalObjectReference", repeated: true)), (16, S("hostname")), (17, S("subdomain")),
            (19, S("schedulerName")), (20, M("initContainers", "Container", repeated: true)),
            (21, B("automountServiceAccountToken", pointer: true)), (22, M("tolerations", "Toleration", repeated: true)),
            (24, S("priorityClassName")), (25, I("priority", pointer: true)), (30, B("enableServiceLinks", pointer: true))),
        ["Container"] = Fields(
            (1, S("name")), (2, S("image")), (3, S("command", repeated: true)), (4, S("args", repeated: true)), (5, S("workingDir")),
            (6, M("ports", "ContainerPort", repeated: true)), (7, M("env", "EnvVar", repeated: true)), (8, M("resources", "ResourceRequirements")),
            (9, M("volumeMounts", "VolumeMount", repeated: true)), (13, S("terminationMessagePath")), (14, S("imagePullPolicy")),
            (16, B("stdin")), (17, B("stdinOnce")), (18, B("tty")), (20, S("terminationMessagePolicy"))),
        ["ContainerPort"] = Fields((1, S("name")), (2, I("hostPort")), (3, I("containerPort")), (4, S("protocol")), (5, S("hostIP"))),
        ["EnvVar"] = Fields((1, S("name")), (2, S("value")), (3, M("valueFrom", "EnvVarSource", pointer: true))),
        ["EnvVarSource"] = Fields(
            (1, M("fieldRef", "ObjectFieldSelector", pointer: true)), (3, M("configMapKeyRef", "KeyRef", pointer: true)),
            (4, M("secretKeyRef", "KeyRef", pointer: true))),
        ["ObjectFieldSelector"] = Fields((1, S("apiVersion")), (2, S("fieldPath"))),
        ["KeyRef"] = Fields((1, Inline("LocalObjectReference")), (2, S("key")), (3, B("optional", pointer: true))),
        ["ResourceRequirements"] = Fields((1, Quantities("limits")), (2, Quantities("requests"))),
        ["VolumeMount"] = Fields((1, S("name")), (2, B("readOnly")), (3, S("mountPath")), (4, S("subPath"))),
        ["Toleration"] = Fields((1, S("key")), (2, S("operator")), (3, S("value")), (4, S("effect")), (5, I("tolerationSeconds", pointer: true))),
        ["Volume"] = Fields((1, S("name")), (2, Inline("VolumeSource"))),
        ["VolumeSource"] = Fields(
            (1, M("hostPath", "HostPathVolumeSource", pointer: true)), (2, M("emptyDir", "EmptyDirVolumeSource", pointer: true)),
            (6, M("secret", "SecretVolumeSource", pointer: true)), (10, M("persistentVolumeClaim", "PersistentVolumeClaimVolumeSource", pointer: true)),
            (19, M("configMap", "ConfigMapVolumeSource", pointer: true))),
        ["HostPathVolumeSource"] = Fields((1, S("path")), (2, S("type", pointer: true))),
        ["EmptyDirVolumeSource"] = Fields((1, S("medium")), (2, new ProtoField("sizeLimit", ProtoType.Quantity, Pointer: true))),
        ["SecretVolumeSource"] = Fields(
            (1, S("secretName")), (2, M("items", "KeyToPath", repeated: true)), (3, I("defaultMode", pointer: true)), (4, B("optional", pointer: true))),
        ["ConfigMapVolumeSource"] = Fields(
            (1, Inline("LocalObjectReference")), (2, M("items", "KeyToPath", repeated: true)), (3, I("defaultMode", pointer: true)),
            (4, B("optional", pointer: true))),
        ["KeyToPath"] = Fields((1, S("key")), (2, S("path")), (3, I("mode", pointer: true))),
        ["PersistentVolumeClaimVolumeSource"] = Fields((1, S("claimName")), (2, B("readOnly"))),
    };
}
