using k8s.Models;

namespace PracticeK8s.Printing.Tables.Kinds;

/// <summary>ControllerRevision (apps): NAME CONTROLLER REVISION AGE.</summary>
internal sealed class ControllerRevisionPrinter : ObjectTablePrinter<V1ControllerRevision>
{
    public ControllerRevisionPrinter() : base("apps", "ControllerRevision")
    {
        NameColumn();
        Column("Controller", "Controller", "string", 0, "The controller of the revision, as kind.group/name.", Controller);
        Column("Revision", "Revision", "integer", 0, "The revision of the state represented by Data.", r => (r.Revision ?? 0).ToString());
        AgeColumn();
    }

    private static string Controller(V1ControllerRevision revision)
    {
        var owner = revision.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        return owner is null ? KubeFormat.None : KubeFormat.KindAndName(owner.Kind, owner.ApiVersion, owner.Name);
    }
}
