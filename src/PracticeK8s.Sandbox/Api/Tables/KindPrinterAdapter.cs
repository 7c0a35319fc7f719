using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>Serves the shared printing library's kubectl columns (the module prints with the same code).</summary>
public sealed class KindPrinterAdapter(IKindPrinter printer, Type model) : IRowPrinter
{
    public IReadOnlyList<TableColumn> Columns => printer.Columns;

    public IReadOnlyList<object?> Cells(StoredObject obj, DateTime nowUtc)
    {
        try
        {
            var typed = ModelJson.Deserialize(obj.Json, model) ?? throw new InvalidOperationException($"cannot read {obj.Name} as {model.Name}");
            return printer.Cells(typed, nowUtc).Cast<object?>().ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            // One odd object must not fail a whole list: show its name and leave the other cells empty.
            return Columns.Select((c, i) => (object?)(i == 0 ? obj.Name : c.ServerName == "Age" ? Age.Since(obj, nowUtc) : "")).ToList();
        }
    }
}
