using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Presentation;

/// <summary>
/// kubectl get with several kinds (get all): one aligned table per kind, names prefixed with the
/// kind, a blank line between tables. Returns, per object, the text to print for it (the first
/// object of a kind carries the header, and after the first kind a separating blank line).
/// </summary>
public static class MixedTable
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<object> objectsOfOneKind, bool wide, bool withNamespace, bool firstKind)
    {
        if (objectsOfOneKind.Count == 0)
            return [];
        var printer = KubePrinters.For(objectsOfOneKind[0]);
        var options = new TableOptions { Wide = wide, WithNamespace = withNamespace, ShowKind = true };
        var rows = KubeTable.Rows(printer, objectsOfOneKind, DateTime.UtcNow, options);
        var text = TabWriter.Format(rows, TabWriter.TableMinWidth, TabWriter.TablePadding);
        var lines = text.TrimEnd('\n').Split('\n');
        var result = new string[objectsOfOneKind.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = lines[i + 1];
        result[0] = (firstKind ? "" : "\n") + lines[0] + "\n" + result[0];
        return result;
    }
}
