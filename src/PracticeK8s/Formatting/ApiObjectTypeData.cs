using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PracticeK8s.Engine.Presentation.Views;

namespace PracticeK8s.Formatting;

/// <summary>
/// Gives the importing runspace <see cref="ApiObjectAdapter"/> for every view class. Done here, not
/// in PracticeK8s.Types.ps1xml, because PowerShell checks that an adapted type exists when it loads
/// type data, and the view classes are emitted only when the module's assembly initializes.
/// </summary>
internal static class ApiObjectTypeData
{
    public static void Register()
    {
        var data = ApiObjectViews.DefineAll()
            .Select(view => new TypeData(view.FullName) { TypeAdapter = typeof(ApiObjectAdapter), IsOverride = true })
            .ToArray();
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Microsoft.PowerShell.Utility\\Update-TypeData").AddParameter("TypeData", data).AddParameter("Force").Invoke();
        if (shell.HadErrors && shell.Streams.Error.FirstOrDefault() is { } error)
            throw new InvalidOperationException($"PracticeK8s could not register the properties of its objects: {error}", error.Exception);
    }
}
