namespace PracticeK8s.Engine.Apply;

/// <summary>
/// The order objects are applied in: Namespaces first, then CustomResourceDefinitions, then
/// everything else in input order, so a manifest may create a namespace or a CRD and use it
/// further down (kubectl applies strictly in input order).
/// </summary>
public static class ApplyOrder
{
    public static IReadOnlyList<ManifestObject> Sort(IEnumerable<ManifestObject> objects) =>
        objects.Select((o, i) => (o, i)).OrderBy(p => Rank(p.o)).ThenBy(p => p.i).Select(p => p.o).ToList();

    private static int Rank(ManifestObject o) => (o.ApiVersion, o.Kind) switch
    {
        ("v1", "Namespace") => 0,
        (_, "CustomResourceDefinition") when o.ApiVersion.StartsWith("apiextensions.k8s.io/", StringComparison.Ordinal) => 1,
        _ => 2,
    };
}
