using PracticeK8s.Sandbox.Discovery;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>The server's shared pieces, handed to every handler.</summary>
public sealed class SandboxState(ObjectStore store, ResourceRegistry registry)
{
    public ObjectStore Store { get; } = store;
    public ResourceRegistry Registry { get; } = registry;
    public DiscoveryDocuments Discovery { get; } = new(registry);
    public OpenApi.OpenApiGenerator OpenApi { get; } = OpenApiDocuments.Create(store, registry);
    /// <summary><c>127.0.0.1:port</c>, for APIVersions.serverAddressByClientCIDRs.</summary>
    public string ServerAddress { get; set; } = "127.0.0.1:0";
    /// <summary>Cancelled when the server shuts down (ends watches).</summary>
    public CancellationToken Stopping { get; set; }
    /// <summary>How often a watch with allowWatchBookmarks gets a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>The container runtime behind pods/log, exec, attach and Service traffic (set by the host).</summary>
    public Runtime.IContainerRuntime? Runtime { get; set; }
    /// <summary>Faults tests inject through /practicek8s/faults.</summary>
    public Faults.FaultInjector Faults { get; } = new();
}
