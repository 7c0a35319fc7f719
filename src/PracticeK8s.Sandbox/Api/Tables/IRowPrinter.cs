using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>A Table column definition (meta.k8s.io/v1 TableColumnDefinition).</summary>
public sealed record TableColumnDef(string Name, string Type, string Format, string Description, int Priority);

/// <summary>Computes a kind's Table columns and a row's cells (what kubectl shows for <c>get</c>).</summary>
public interface IRowPrinter
{
    IReadOnlyList<TableColumnDef> Columns { get; }
    IReadOnlyList<object?> Cells(StoredObject obj, DateTime nowUtc);
}
