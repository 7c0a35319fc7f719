using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>Computes a kind's Table columns and a row's cells (what kubectl shows for <c>get</c>).</summary>
public interface IRowPrinter
{
    IReadOnlyList<TableColumn> Columns { get; }
    IReadOnlyList<object?> Cells(StoredObject obj, DateTime nowUtc);
}
