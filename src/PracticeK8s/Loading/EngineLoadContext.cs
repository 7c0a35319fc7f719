using System.Reflection;
using System.Runtime.Loader;

namespace PracticeK8s.Loading;

/// <summary>
/// The module's private load context. It resolves the engine and its third-party libraries from
/// the module's dependencies folder and lets everything else (the BCL, System.Management.Automation)
/// fall back to the default context, so PowerShell types stay shared.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    internal EngineLoadContext(string directory) : base("PracticeK8s", isCollectible: false)
        => _directory = directory;

    internal string Directory => _directory;

    protected override Assembly? Load(AssemblyName name)
    {
        string path = Path.Combine(_directory, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string path = Path.Combine(_directory, unmanagedDllName);
        return File.Exists(path) ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
