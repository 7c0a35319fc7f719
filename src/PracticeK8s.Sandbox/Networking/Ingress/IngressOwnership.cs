using k8s.Models;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// Which Ingresses the built-in ingress-nginx serves, as its controller decides: <c>spec.ingressClassName</c>
/// naming its IngressClass (one whose controller is <c>k8s.io/ingress-nginx</c>), else the legacy
/// <c>kubernetes.io/ingress.class</c> annotation equal to its <c>--ingress-class</c>, else (no class at
/// all) when its IngressClass is the cluster's default.
/// </summary>
public static class IngressOwnership
{
    public const string ClassName = "nginx";
    public const string ControllerName = "k8s.io/ingress-nginx";
    public const string ClassAnnotation = "kubernetes.io/ingress.class";
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public static bool Owns(V1Ingress ingress, IEnumerable<V1IngressClass> classes)
    {
        var ours = classes.FirstOrDefault(c => c.Metadata?.Name == ClassName && c.Spec?.Controller == ControllerName);
        if (ingress.Spec?.IngressClassName is { Length: > 0 } name) return ours is not null && name == ClassName;
        if (ingress.Metadata?.Annotations?.TryGetValue(ClassAnnotation, out var annotated) == true) return annotated == ClassName;
        return ours is not null && IsDefault(ours);
    }

    public static bool IsDefault(V1IngressClass ingressClass) =>
        ingressClass.Metadata?.Annotations?.TryGetValue(DefaultClassAnnotation, out var v) == true && v == "true";
}
