using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeK8s.Sandbox.Api;
using PracticeK8s.Sandbox.Api.Faults;
using PracticeK8s.Sandbox.Controllers;
using PracticeK8s.Sandbox.Discovery;
using PracticeK8s.Sandbox.Lifecycle;
using PracticeK8s.Sandbox.Networking;
using PracticeK8s.Sandbox.Resources;
using PracticeK8s.Sandbox.Runtime;
using PracticeK8s.Sandbox.Security;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Hosting;

/// <summary>
/// Starts the sandbox: data dir (refused unless the user's own), storage (replayed from the write-ahead log), CA and tokens,
/// Kestrel on 127.0.0.1 over HTTPS, then kubeconfig + sandbox.json + the "listening" line.
/// Stops cleanly on SIGINT/SIGTERM: watches end, storage is compacted, sandbox.json removed.
/// </summary>
public static class SandboxHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        SandboxOptions options;
        try { options = SandboxOptions.Parse(args); }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (options.Help)
        {
            Console.Out.WriteLine(SandboxOptions.HelpText);
            return 0;
        }
        ObjectStore opened;
        try
        {
            DataDirectory.Prepare(options.DataDir);
            opened = new ObjectStore(new WriteAheadLog(options.DataDir, options.Recover, Console.Error.WriteLine));
        }
        catch (Exception e) when (e is DataDirectoryException or StorageCorruptException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        using var store = opened;
        var ca = CertificateAuthority.LoadOrCreate(options.DataDir);
        var tokens = SandboxTokens.LoadOrCreate(options.DataDir, options.Token, options.ReadOnlyToken);
        var serviceAccountTokens = ServiceAccountTokens.LoadOrCreate(options.DataDir);
        var registry = new ResourceRegistry(BuiltinResources.List);
        var state = new SandboxState(store, registry);
        CustomResources.Attach(state);
        Runtime.Isolation.IsolationMode isolation;
        try { isolation = Runtime.Isolation.IsolationProbe.Resolve(options.Isolation); }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        var network = isolation == Runtime.Isolation.IsolationMode.Namespaces ? StartClusterNetwork() : null;
        // Pods in network namespaces reach the cluster DNS (ClusterDnsService): their resolv.conf names it.
        Runtime.Isolation.ContainerEtc.ClusterDnsReachable = network is not null;
        var runtime = new LocalContainerRuntime(new RuntimeOptions(Path.Combine(options.DataDir, "runtime")) { Isolation = isolation, Networks = network });
        state.Runtime = runtime;
        var cluster = options.Cluster with { DataDir = options.DataDir, CaCertificatePem = ca.CaCertificatePem };
        Bootstrap.Run(state, cluster);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = HostArguments.NoConfigReload, ContentRootPath = options.DataDir });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = RequestBody.MaxBytes * 2L;
            k.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(ca.ServerCertificate);
            });
        });
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(serviceAccountTokens);
        builder.Services.AddSingleton<ApiRouter>();
        builder.Services.AddHostedService<NamespaceCleaner>();
        builder.Services.AddHostedService<GarbageCollector>();
        builder.Services.AddHostedService<CustomResourceCleaner>();
        builder.Services.AddSingleton<IContainerRuntime>(runtime);
        if (network is not null)
        {
            builder.Services.AddSingleton(network);
            builder.Services.AddSingleton<IClusterNetwork>(network);
        }
        ClusterServices.Add(builder.Services, cluster);

        var app = builder.Build();
        var authenticator = new Authenticator(tokens, serviceAccountTokens, claims => BoundTokens.StillBound(store, claims));
        var router = app.Services.GetRequiredService<ApiRouter>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        state.Stopping = lifetime.ApplicationStopping;
        lifetime.ApplicationStopping.Register(store.Close);
        lifetime.ApplicationStopping.Register(() => runtime.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)));
        if (network is not null) lifetime.ApplicationStopped.Register(network.Dispose);
        app.UseWebSockets();

        app.Run(async ctx =>
        {
            if (Authenticator.IsAnonymousPath(ctx.Request.Path))
            {
                await HealthEndpoints.Handle(ctx);
                return;
            }
            var user = authenticator.Authenticate(ctx.Request);
            if (user is null)
            {
                await Respond.Error(ctx, ApiException.Unauthorized());
                return;
            }
            if (FaultsEndpoint.Matches(ctx.Request))
            {
                await FaultsEndpoint.Handle(ctx, user, state.Faults);
                return;
            }
            if (await state.Faults.ApplyAsync(ctx)) return;
            await router.Handle(ctx, user);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var url = $"https://127.0.0.1:{port}";
        state.ServerAddress = $"127.0.0.1:{port}";
        if (network is null) KubernetesServiceAddress.Set("127.0.0.1", port); // no service network: pods reach the sandbox's own address
        var kubeconfigPath = Path.Combine(options.DataDir, "kubeconfig");
        PrivateFiles.WriteAtomically(kubeconfigPath, KubeconfigWriter.Render(url, ca.CaCertificatePem, tokens.Admin, tokens.ReadOnly));
        new ReadyFile(Environment.ProcessId, url, port, options.DataDir, kubeconfigPath, tokens.Admin, tokens.ReadOnly,
            ObjectPipeline.Timestamp(DateTime.UtcNow), isolation.ToString(),
            app.Services.GetService<Networking.Dns.ExtraClusterDnsListener>()?.Endpoint?.ToString()).Write(options.DataDir);
        Console.Out.WriteLine($"PracticeK8s sandbox listening on {url}");
        Console.Out.Flush();

        await app.WaitForShutdownAsync();
        ReadyFile.Delete(options.DataDir);
        return 0;
    }

    /// <summary>The pods' network namespaces; null (pods then share the host's network) where they cannot be made, with the reason on stderr.</summary>
    private static Networking.Cluster.ClusterNetwork? StartClusterNetwork()
    {
        try { return Networking.Cluster.ClusterNetwork.Start(); }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Sockets.SocketException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"warning: pods share the host's network (no cluster network): {e.Message}");
            return null;
        }
    }
}
