using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace PracticeK8s.Loading;

/// <summary>
/// Runs at Import-Module. Routes the assembly name "PracticeK8s.Engine" (and KubernetesClient, which
/// the pipeline's object classes name) into the private load context; the engine's own dependencies
/// (KubernetesClient, YamlDotNet, Fractions) then resolve there too, whatever versions other
/// modules have loaded into the default context. Then registers the pipeline objects' adapter.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string EngineAssemblyName = "PracticeK8s.Engine";

    /// <summary>KubernetesClient, asked for by the pipeline's object classes (emitted into the default context, see ApiObjectViews).</summary>
    internal const string ModelsAssemblyName = "KubernetesClient";

    private static readonly Lazy<EngineLoadContext> s_context = new(() => new EngineLoadContext(
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies")));

    private static int s_hooked;

    internal static EngineLoadContext Context => s_context.Value;

    public void OnImport()
    {
        if (Interlocked.Exchange(ref s_hooked, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
        ConfigureEngine();
    }

    /// <summary>Separate and not inlined: the engine's types resolve only once the hook above is in place.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ConfigureEngine()
    {
        Engine.Presentation.Views.ApiObjectViews.NestedValue = Formatting.JsonTokenValues.From;
        Formatting.ApiObjectTypeData.Register();
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        StopPortForwards();
        // The engine stays loaded (contexts cannot unload); a later Import-Module hooks again.
        if (Interlocked.Exchange(ref s_hooked, 0) == 1)
            AssemblyLoadContext.Default.Resolving -= Resolve;
    }

    /// <summary>Removing the module from a session ends that session's port-forwards (their listeners would outlive every command that shows them).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void StopPortForwards() => Session.SessionPortForwards.StopAll(System.Management.Automation.Runspaces.Runspace.DefaultRunspace);

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is EngineAssemblyName or ModelsAssemblyName ? Context.LoadFromAssemblyName(name) : null;
}
