using System.Collections.Concurrent;
using System.Net.Http;
using k8s;
using k8s.Authentication;
using k8s.KubeConfigModels;
using PracticeK8s.Engine.Config;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Http;

namespace PracticeK8s.Engine.Session;

/// <summary>
/// Builds clients from the kubeconfig like kubectl and caches them process-wide, keyed by the
/// kubeconfig files' state and the context: a changed file or another context gives a new client.
/// </summary>
public static class KubeSession
{
    private static readonly ConcurrentDictionary<string, Lazy<KubeConnection>> s_connections = new();
    private static readonly ConcurrentDictionary<string, KubeConfigSet> s_configs = new();

    /// <summary>How long to wait for a TCP connection and TLS handshake before failing.</summary>
    public static TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The merged kubeconfig in force now (cached until a file changes).</summary>
    public static KubeConfigSet LoadConfig(IReadOnlyList<string>? paths = null)
    {
        paths ??= KubeConfigPaths.Resolve();
        var fingerprint = KubeConfigSet.Fingerprint(paths);
        if (s_configs.TryGetValue(fingerprint, out var cached))
            return cached;
        var set = KubeConfigSet.Load(paths);
        if (s_configs.Count > 32)
            s_configs.Clear();
        s_configs[fingerprint] = set;
        return set;
    }

    /// <summary>The connection for a context (null: the kubeconfig's current context).</summary>
    public static KubeConnection Connect(string? context, IReadOnlyList<string>? paths = null)
    {
        paths ??= KubeConfigPaths.Resolve();
        var set = LoadConfig(paths).RequireAny();
        var name = string.IsNullOrEmpty(context) ? set.CurrentContext : context;
        if (string.IsNullOrEmpty(name))
        {
            throw new KubeConfigException($"no current context is set in {set.Describe()}", "KubeContextNotFound", set.Paths[0],
                recommendedAction: "Use-KubeContext <name> selects one; Get-KubeContext lists them.");
        }
        if (set.FindContext(name) is null)
            throw set.ContextNotFound(name);
        var key = KubeConfigSet.Fingerprint(paths) + "#" + name;
        var lazy = s_connections.GetOrAdd(key, _ => new Lazy<KubeConnection>(() => Build(set, name), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            s_connections.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Forgets every cached client (the next call builds new ones).</summary>
    public static void Reset()
    {
        foreach (var entry in s_connections.Values)
        {
            if (entry.IsValueCreated)
                entry.Value.Dispose();
        }
        s_connections.Clear();
        s_configs.Clear();
    }

    private static KubeConnection Build(KubeConfigSet set, string contextName)
    {
        var (yaml, context, cluster, user) = set.ExtractContext(contextName);
        KubernetesClientConfiguration configuration;
        try
        {
            var model = KubernetesYaml.Deserialize<K8SConfiguration>(yaml);
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(model, contextName);
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw new KubeConfigException($"context \"{contextName}\" in {context.Source.Path} cannot be used: {e.Message}", target: contextName, inner: e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubeConfigException($"context \"{contextName}\" in {context.Source.Path} cannot be used: {e.Message}", target: contextName, inner: e);
        }

        var tokenFile = user.Get("tokenFile");
        if (!string.IsNullOrEmpty(tokenFile) && string.IsNullOrEmpty(configuration.AccessToken) && configuration.TokenProvider is null)
            configuration.TokenProvider = new TokenFileAuth(KubeConfigSet.Absolute(tokenFile, user.Source.Path));

        var server = configuration.Host ?? cluster.Get("server") ?? "";
        var connectTimeout = ConnectTimeout;
        var serverName = cluster.Get("tls-server-name") is { Length: > 0 } name ? name : configuration.TlsServerName;
        var verifier = Verifier(configuration, serverName);
        configuration.FirstMessageHandlerSetup = handler => ClientTransport.Configure(handler, connectTimeout, verifier);
        configuration.UserAgent = "PracticeK8s/" + typeof(KubeSession).Assembly.GetName().Version?.ToString(3);

        // Outermost first: errors named, then retries, then the request log, then the name TLS uses.
        var handlers = new List<DelegatingHandler> { new ConnectionErrorHandler(server, connectTimeout), new RetryHandler(RetryPolicy.Default), new LoggingHandler() };
        if (verifier is not null && !string.IsNullOrEmpty(serverName))
            handlers.Add(new ServerNameHandler(serverName));
        var client = new Kubernetes(configuration, [.. handlers]);
        var ns = context.Get("namespace");
        return new KubeConnection(contextName, cluster.Name, user.Name, server, string.IsNullOrEmpty(ns) ? null : ns, client, configuration)
        {
            SkipsTlsVerify = configuration.SkipTlsVerify && server.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// Our certificate check for an https server (null: insecure-skip-tls-verify, or plain http). The
    /// CA certificates move from the configuration into it, so that KubernetesClient installs none of its own.
    /// </summary>
    private static ServerCertificateVerifier? Verifier(KubernetesClientConfiguration configuration, string? serverName)
    {
        if (configuration.SkipTlsVerify || !Uri.TryCreate(configuration.Host, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return null;
        var verifier = new ServerCertificateVerifier(configuration.SslCaCerts, string.IsNullOrEmpty(serverName) ? uri.Host : serverName);
        configuration.SslCaCerts = null;
        return verifier;
    }
}
