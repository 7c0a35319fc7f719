using System.Management.Automation;
using System.Security.Cryptography;
using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Files;
using YamlDotNet.RepresentationModel;

namespace PracticeK8s.Engine.Sandbox;

/// <summary>
/// An instance's entries in the user's kubeconfig: a cluster named after the instance, an admin and
/// a read-only user, and the contexts NAME and NAME-readonly. Adding them can make NAME the
/// current-context (as kind and minikube do); taking them out puts the file back byte for byte when
/// nobody changed it since, and otherwise removes just those entries and restores the old current-context.
/// </summary>
public static class SandboxKubeconfig
{
    public const string BackupFileName = "kubeconfig-before";

    /// <summary>The entries an instance owns, per section.</summary>
    public static IReadOnlyList<(string Section, string Name)> Entries(string context) =>
    [
        (KubeConfigDocument.Clusters, context),
        (KubeConfigDocument.Users, context + "-admin"),
        (KubeConfigDocument.Users, context + SandboxHome.ReadOnlySuffix),
        (KubeConfigDocument.Contexts, context),
        (KubeConfigDocument.Contexts, context + SandboxHome.ReadOnlySuffix),
    ];

    /// <summary>Refuses an instance name whose entries would replace someone else's (a real cluster's context of that name).</summary>
    public static void RefuseClash(string kubeconfig, string context)
    {
        if (!File.Exists(kubeconfig))
            return;
        var document = KubeConfigDocument.Load(kubeconfig);
        foreach (var (section, name) in Entries(context))
        {
            if (document.Find(section, name) is not null)
                throw new KubeException(
                    $"{kubeconfig} already has a {KubeConfigDocument.Singular(section)} named \"{name}\" that is not this sandbox's; start the sandbox under another name (Start-KubeSandbox -Name ...)",
                    "KubeSandboxNameTaken", ErrorCategory.ResourceExists, name);
        }
    }

    /// <summary>
    /// Adds (or refreshes) the instance's entries from the server's own kubeconfig. The first time
    /// (<paramref name="before"/> null), the file's bytes, mode and current-context are recorded first.
    /// </summary>
    public static SandboxState Add(SandboxState state, string kubeconfig, bool makeCurrent, SandboxState? before)
    {
        var instanceDirectory = SandboxHome.InstanceDirectory(state.Name);
        var existed = File.Exists(kubeconfig);
        if (before?.Kubeconfig is null)
        {
            var backup = Path.Combine(instanceDirectory, BackupFileName);
            if (existed)
                PrivateFiles.WriteAllBytes(backup, File.ReadAllBytes(kubeconfig));
            else if (File.Exists(backup))
                File.Delete(backup);
        }
        var document = existed ? KubeConfigDocument.Load(kubeconfig) : KubeConfigDocument.CreateEmpty(kubeconfig);
        var previous = before?.Kubeconfig is not null ? before.PreviousContext : document.CurrentContext;
        var server = KubeConfigDocument.Load(state.ServerKubeconfig);
        foreach (var (section, name, entry) in Build(server, state.Context))
            document.Replace(section, name, entry);
        if (makeCurrent)
            document.CurrentContext = state.Context;
        document.Save();
        return state with
        {
            Kubeconfig = kubeconfig,
            KubeconfigExisted = before?.Kubeconfig is not null ? before.KubeconfigExisted : existed,
            KubeconfigMode = before?.Kubeconfig is not null ? before.KubeconfigMode : existed && !OperatingSystem.IsWindows() ? (int)File.GetUnixFileMode(kubeconfig) : 0,
            KubeconfigAfterHash = Hash(kubeconfig),
            PreviousContext = previous,
        };
    }

    /// <summary>Makes the instance the kubeconfig's current-context again (a second Start-KubeSandbox of a running one).</summary>
    public static SandboxState MakeCurrent(SandboxState state)
    {
        if (state.Kubeconfig is null || !File.Exists(state.Kubeconfig))
            return state;
        var document = KubeConfigDocument.Load(state.Kubeconfig);
        if (document.CurrentContext == state.Context || document.Find(KubeConfigDocument.Contexts, state.Context) is null)
            return state;
        document.CurrentContext = state.Context;
        document.Save();
        return state with { KubeconfigAfterHash = Hash(state.Kubeconfig) };
    }

    /// <summary>Takes the instance's entries out again; returns the state with no kubeconfig recorded.</summary>
    public static SandboxState Remove(SandboxState state)
    {
        var kubeconfig = state.Kubeconfig;
        if (kubeconfig is null)
            return state;
        var backup = Path.Combine(SandboxHome.InstanceDirectory(state.Name), BackupFileName);
        if (File.Exists(kubeconfig))
        {
            if (Hash(kubeconfig) == state.KubeconfigAfterHash)
                RestoreBytes(state, kubeconfig, backup);
            else
                RemoveEntries(state, kubeconfig);
        }
        if (File.Exists(backup))
            File.Delete(backup);
        return state with { Kubeconfig = null, KubeconfigAfterHash = null, PreviousContext = null, KubeconfigExisted = false, KubeconfigMode = 0 };
    }

    private static void RestoreBytes(SandboxState state, string kubeconfig, string backup)
    {
        if (!state.KubeconfigExisted)
        {
            File.Delete(kubeconfig);
            return;
        }
        if (!File.Exists(backup))
        {
            RemoveEntries(state, kubeconfig);
            return;
        }
        PrivateFiles.WriteAllBytes(kubeconfig, File.ReadAllBytes(backup), state.KubeconfigMode == 0 ? null : (UnixFileMode)state.KubeconfigMode);
    }

    private static void RemoveEntries(SandboxState state, string kubeconfig)
    {
        var document = KubeConfigDocument.Load(kubeconfig);
        foreach (var (section, name) in Entries(state.Context))
            document.RemoveWhere(section, n => n == name);
        if (document.CurrentContext == state.Context || document.CurrentContext == state.ReadOnlyContext)
        {
            var previous = state.PreviousContext;
            document.CurrentContext = previous is { Length: > 0 } && document.Find(KubeConfigDocument.Contexts, previous) is not null ? previous : "";
        }
        bool empty = document.Entries(KubeConfigDocument.Clusters).Count == 0 && document.Entries(KubeConfigDocument.Users).Count == 0
            && document.Entries(KubeConfigDocument.Contexts).Count == 0;
        if (empty && !state.KubeconfigExisted)
            File.Delete(kubeconfig);
        else
            document.Save();
    }

    /// <summary>The entries under the instance's names, made from the server's kubeconfig (its current context is the admin one).</summary>
    private static IEnumerable<(string Section, string Name, YamlMappingNode Entry)> Build(KubeConfigDocument server, string context)
    {
        var admin = server.Find(KubeConfigDocument.Contexts, server.CurrentContext ?? "")
            ?? throw new KubeException($"the sandbox's kubeconfig {server.Path} has no current context", "KubeSandboxFailed", ErrorCategory.InvalidData, server.Path);
        var readOnly = server.Entries(KubeConfigDocument.Contexts).FirstOrDefault(c => c.Name != admin.Name) ?? admin;
        var cluster = server.Find(KubeConfigDocument.Clusters, admin.Get("cluster") ?? "")
            ?? throw new KubeException($"the sandbox's kubeconfig {server.Path} has no cluster", "KubeSandboxFailed", ErrorCategory.InvalidData, server.Path);
        YamlMappingNode UserBody(NamedEntry ctx) => server.Find(KubeConfigDocument.Users, ctx.Get("user") ?? "")?.Body ?? new YamlMappingNode();

        var adminUser = context + "-admin";
        var readOnlyName = context + SandboxHome.ReadOnlySuffix;
        yield return (KubeConfigDocument.Clusters, context, Named(context, "cluster", cluster.Body));
        yield return (KubeConfigDocument.Users, adminUser, Named(adminUser, "user", UserBody(admin)));
        yield return (KubeConfigDocument.Users, readOnlyName, Named(readOnlyName, "user", UserBody(readOnly)));
        yield return (KubeConfigDocument.Contexts, context, Named(context, "context", ContextBody(context, adminUser)));
        yield return (KubeConfigDocument.Contexts, readOnlyName, Named(readOnlyName, "context", ContextBody(context, readOnlyName)));
    }

    private static YamlMappingNode ContextBody(string cluster, string user) =>
        new() { { "cluster", cluster }, { "user", user }, { "namespace", "default" } };

    private static YamlMappingNode Named(string name, string key, YamlMappingNode body) =>
        new() { { "name", name }, { key, body } };

    public static string? Hash(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : null;
}
