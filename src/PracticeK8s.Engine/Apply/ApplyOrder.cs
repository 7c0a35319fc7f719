using PracticeK8s.Engine.Resources;

namespace PracticeK8s.Engine.Apply;

/// <summary>
/// The order objects are applied in: by their kind's <see cref="KindEntry.ApplyRank"/> (Namespaces
/// first, then CustomResourceDefinitions), then everything else in input order, so a manifest may
/// create a namespace or a CRD and use it further down (kubectl applies strictly in input order).
/// </summary>
public static class ApplyOrder
{
    public static IReadOnlyList<ManifestObject> Sort(IEnumerable<ManifestObject> objects) =>
        objects.Select((o, i) => (o, i)).OrderBy(p => Rank(p.o)).ThenBy(p => p.i).Select(p => p.o).ToList();

    private static int Rank(ManifestObject o)
    {
        var slash = o.ApiVersion.IndexOf('/');
        return KindCatalog.Find(slash < 0 ? "" : o.ApiVersion[..slash], o.Kind)?.ApplyRank ?? KindEntry.DefaultApplyRank;
    }
}
