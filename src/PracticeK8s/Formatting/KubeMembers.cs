using System.Management.Automation;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Presentation;

namespace PracticeK8s.Formatting;

/// <summary>
/// The getters behind the hidden properties PracticeK8s.Types.ps1xml adds to API objects (AgeText,
/// KindName, a pod's RestartsText: what the tables bind), and behind the cells of generic objects
/// (kinds without a model). The visible cells of typed objects come from ApiObjectAdapter.
/// </summary>
public static class KubeMembers
{
    public static object? Name(PSObject instance) => instance.BaseObject is PSCustomObject
        ? Metadata(instance, "name")
        : ObjectCells.Name(instance.BaseObject);

    public static object? Namespace(PSObject instance) => instance.BaseObject is PSCustomObject
        ? Metadata(instance, "namespace")
        : ObjectCells.Namespace(instance.BaseObject);

    public static object? Age(PSObject instance)
    {
        if (instance.BaseObject is not PSCustomObject)
            return ObjectCells.Age(instance.BaseObject);
        return DateTime.TryParse(Metadata(instance, "creationTimestamp") as string, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var created)
            ? DateTime.UtcNow - created
            : null;
    }

    public static object? AgeText(PSObject instance) => instance.BaseObject is PSCustomObject
        ? (Age(instance) is TimeSpan age ? Engine.Presentation.Durations.Human(age) : "<unknown>")
        : ObjectCells.AgeText(instance.BaseObject);

    /// <summary>"pod/web-1", "deployment.apps/web": the NAME cell of `kubectl get all`.</summary>
    public static object? KindName(PSObject instance)
    {
        if (instance.BaseObject is not PSCustomObject)
            return ObjectCells.KindName(instance.BaseObject);
        var apiVersion = instance.Properties["apiVersion"]?.Value as string ?? "";
        var kind = (instance.Properties["kind"]?.Value as string ?? "").ToLowerInvariant();
        var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
        return (group.Length == 0 ? kind : $"{kind}.{group}") + "/" + Metadata(instance, "name");
    }

    public static object? Cell0(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 0);
    public static object? Cell1(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 1);
    public static object? Cell2(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 2);
    public static object? Cell3(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 3);
    public static object? Cell4(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 4);
    public static object? Cell5(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 5);
    public static object? Cell6(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 6);
    public static object? Cell7(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 7);
    public static object? Cell8(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 8);
    public static object? Cell9(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 9);
    public static object? Cell10(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 10);
    public static object? Cell11(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 11);
    public static object? Cell12(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 12);
    public static object? Cell13(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 13);
    public static object? Cell14(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 14);
    public static object? Cell15(PSObject instance) => ObjectCells.Cell(instance.BaseObject, 15);

    private static object? Metadata(PSObject instance, string field) =>
        instance.Properties["metadata"]?.Value is PSObject metadata ? metadata.Properties[field]?.Value : null;
}
