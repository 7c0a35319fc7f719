using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace PracticeK8s.Loading;

/// <summary>
/// Runs at Import-Module. Routes the one assembly name "PracticeK8s.Engine" into the private
/// load context; the engine's own dependencies (KubernetesClient, YamlDotNet, Fractions) then
/// resolve there too, whatever versions other modules have loaded into the default context.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string EngineAssemblyName = "PracticeK8s.Engine";

    private static readonly Lazy<EngineLoadContext> s_context = new(() => new EngineLoadContext(
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies")));

    private static int s_hooked;

    internal static EngineLoadContext Context => s_context.Value;

    public void OnImport()
    {
        if (Interlocked.Exchange(ref s_hooked, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        // The engine stays loaded (contexts cannot unload); a later Import-Module hooks again.
        if (Interlocked.Exchange(ref s_hooked, 0) == 1)
            AssemblyLoadContext.Default.Resolving -= Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == EngineAssemblyName ? Context.LoadFromAssemblyName(name) : null;
}
