using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>IngressClass (networking.k8s.io): NAME CONTROLLER PARAMETERS AGE.</summary>
internal sealed class IngressClassPrinter : ObjectTablePrinter<V1IngressClass>
{
    public IngressClassPrinter() : base("networking.k8s.io", "IngressClass")
    {
        NameColumn();
        Column("Controller", "Controller", "string", 0, "The name of the controller that should handle this class.",
            c => c.Spec?.Controller ?? "");
        Column("Parameters", "Parameters", "string", 0, "A link to a custom resource containing additional configuration.",
            c => Parameters(c.Spec?.Parameters));
        AgeColumn();
    }

    /// <summary>"Kind[.apiGroup]/name", or "&lt;none&gt;".</summary>
    private static string Parameters(V1IngressClassParametersReference? parameters)
    {
        if (parameters is null) return KubeFormat.None;
        var kind = parameters.ApiGroup is null ? parameters.Kind : $"{parameters.Kind}.{parameters.ApiGroup}";
        return $"{kind}/{parameters.Name}";
    }
}
