using System.Collections.Concurrent;
using PracticeK8s.Printing;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>
/// Chooses the printer for a kind: a CRD's printer columns, else the shared printing library's
/// dedicated printer, else the API server's default (Name, Created At).
/// </summary>
public static class TablePrinters
{
    private static readonly ConcurrentDictionary<(string, string), IRowPrinter> Cache = new();

    public static IRowPrinter For(ResourceDefinition def)
    {
        if (def.IsCustom) return new CustomColumnPrinter(def.CustomColumns);
        return Cache.GetOrAdd((def.Group, def.Kind), _ =>
            def.ModelType is not null && KubePrinters.ForKind(def.Group, def.Kind) is { } printer
                ? new KindPrinterAdapter(printer, def.ModelType)
                : NameAgePrinter.Instance);
    }
}
