using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>The generic NAME/AGE table (what the API server prints for kinds without a printer).</summary>
public sealed class NameAgePrinter : IRowPrinter
{
    public static readonly TableColumn NameColumn = new("NAME", "Name", "string", 0,
        "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names") { ServerName = "Name", Format = "name" };

    public static readonly TableColumn AgeColumn = new("CREATED AT", "CreatedAt", "date", 0,
        "CreationTimestamp is a timestamp representing the server time when this object was created.") { ServerName = "Created At" };

    // Declared after the columns: static fields initialize in order.
    public static readonly NameAgePrinter Instance = new();

    public IReadOnlyList<TableColumn> Columns { get; } = new[] { NameColumn, AgeColumn };

    public IReadOnlyList<object?> Cells(StoredObject obj, DateTime nowUtc) =>
        new object?[] { obj.Name, obj.MetadataString("creationTimestamp") };
}
