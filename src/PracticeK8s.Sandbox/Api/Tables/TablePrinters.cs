using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Api.Tables;

/// <summary>Chooses the printer for a kind: CRD printer columns, else the shared printing library, else NAME/AGE.</summary>
public static class TablePrinters
{
    public static IRowPrinter For(ResourceDefinition def)
    {
        if (def.IsCustom) return new CustomColumnPrinter(def.CustomColumns);
        return NameAgePrinter.Instance;
    }
}
