using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Changes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Apply;

/// <summary>
/// kubectl apply for one object at a time: client-side (last-applied annotation, create or
/// three-way patch) by default, server-side apply on request. Every failure is rethrown naming
/// the object and where it came from.
/// </summary>
public sealed class Applier
{
    private const int ConflictRetries = 5;
    private readonly KubeConnection _connection;
    private readonly KubeResourceClient _client;
    private readonly ApplyOptions _options;
    private readonly Action<string> _warn;
    private bool _definedCustomKinds;

    public Applier(KubeConnection connection, ApplyOptions options, Action<string> warn)
    {
        _connection = connection;
        _client = new KubeResourceClient(connection);
        _options = options;
        _warn = warn;
    }

    /// <summary>"deployment.apps/web" once the kind is known; the manifest's own words before.</summary>
    public static string Describe(ResourceKind? kind, ManifestObject manifest) =>
        kind is null ? $"{manifest.Kind} \"{manifest.Name}\"" : $"{kind.QualifiedKind}/{manifest.Name}";

    public async Task<ChangeResult> ApplyAsync(ManifestObject manifest, CancellationToken cancel)
    {
        ResourceKind? kind = null;
        try
        {
            kind = await ResolveKindAsync(manifest, cancel).ConfigureAwait(false);
            var obj = (JsonObject)manifest.Object.DeepClone();
            var ns = NamespacePlacement.Place(obj, kind.Namespaced, _options.DefaultNamespace, _options.ExplicitNamespace, manifest.Source);
            var result = _options.ServerSide
                ? await ServerSideAsync(kind, ns, manifest, obj, cancel).ConfigureAwait(false)
                : await ClientSideAsync(kind, ns, manifest, obj, cancel).ConfigureAwait(false);
            if (kind.Kind == "CustomResourceDefinition")
                _definedCustomKinds = true;
            return result;
        }
        catch (KubeException e)
        {
            throw new KubeException($"error applying {Describe(kind, manifest)} from {manifest.Source}: {e.Message}", e.ErrorId, e.Category,
                manifest.Source.ToString(), e, e.RecommendedAction);
        }
    }

    private async Task<ResourceKind> ResolveKindAsync(ManifestObject manifest, CancellationToken cancel)
    {
        var discovery = Discovery.For(_connection);
        // A CRD applied moments ago takes a moment to be served: wait for it (kubectl would fail).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(_definedCustomKinds ? 10 : 0);
        while (true)
        {
            try
            {
                return await discovery.ForObjectAsync(manifest.ApiVersion, manifest.Kind, cancel).ConfigureAwait(false);
            }
            catch (KubeException e) when (e.ErrorId == "KubeResourceTypeNotFound" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancel).ConfigureAwait(false);
            }
        }
    }

    private async Task<ChangeResult> ClientSideAsync(ResourceKind kind, string? ns, ManifestObject manifest, JsonObject obj, CancellationToken cancel)
    {
        var name = manifest.Name;
        var source = manifest.Source.ToString();
        var modified = LastAppliedConfiguration.Modified(obj, out _);
        var write = new WriteQuery
        {
            FieldManager = _options.EffectiveFieldManager,
            FieldValidation = "Strict",
            DryRun = _options.DryRun == DryRunMode.Server,
        };
        for (int attempt = 0; ; attempt++)
        {
            var live = await TryGetAsync(kind, ns, name, cancel).ConfigureAwait(false);
            if (live is null)
            {
                if (_options.DryRun == DryRunMode.Client)
                    return ChangeResult.Slashed(kind, ns, name, "created", DryRunMode.Client, source, KubeResourceClient.ToObject(kind, modified));
                try
                {
                    var created = await _client.CreateAsync(kind, ns, (JsonObject)LastAppliedConfiguration.WithoutNulls(modified)!, write, cancel).ConfigureAwait(false);
                    return ChangeResult.Slashed(kind, ns, name, "created", _options.DryRun, source, KubeResourceClient.ToObject(kind, created));
                }
                catch (KubeApiException e) when (e.IsAlreadyExists && attempt < ConflictRetries)
                {
                    continue;   // created by someone else meanwhile: patch it instead
                }
            }

            if (attempt == 0)
            {
                if (!LastAppliedConfiguration.Has(live))
                {
                    _warn($"resource {kind.QualifiedPlural}/{name} is missing the {LastAppliedConfiguration.Annotation} annotation which is required by " +
                        "Publish-KubeResource (kubectl apply). It should only be used on resources created declaratively by Publish-KubeResource, " +
                        "kubectl apply or kubectl create --save-config. The missing annotation will be patched automatically.");
                }
                if (live["metadata"]?["deletionTimestamp"] is not null)
                    _warn($"Detected changes to resource {name} which is currently being deleted.");
            }
            if (_options.DryRun == DryRunMode.Client)
                return ChangeResult.Slashed(kind, ns, name, "configured", DryRunMode.Client, source, KubeResourceClient.ToObject(kind, live));

            var patch = KubectlPatches.ThreeWay(LastAppliedConfiguration.Of(live), modified, live, kind.ApiVersion, kind.Kind);
            if (patch.IsEmpty)
                return ChangeResult.Slashed(kind, ns, name, "unchanged", _options.DryRun, source, KubeResourceClient.ToObject(kind, live));
            try
            {
                var patched = await _client.PatchAsync(kind, ns, name, patch.PatchType, patch.Text, write, cancel).ConfigureAwait(false);
                return ChangeResult.Slashed(kind, ns, name, "configured", _options.DryRun, source, KubeResourceClient.ToObject(kind, patched));
            }
            catch (KubeApiException e) when (e.IsConflict && attempt < ConflictRetries)
            {
                // Someone changed the object between our read and our patch: read it again and recompute, like kubectl.
                if (attempt > 0)
                    await Task.Delay(TimeSpan.FromSeconds(1), cancel).ConfigureAwait(false);
            }
        }
    }

    private async Task<ChangeResult> ServerSideAsync(ResourceKind kind, string? ns, ManifestObject manifest, JsonObject obj, CancellationToken cancel)
    {
        var write = new WriteQuery
        {
            FieldManager = _options.EffectiveFieldManager,
            FieldValidation = "Strict",
            Force = _options.ForceConflicts,
            DryRun = _options.DryRun == DryRunMode.Server,
        };
        try
        {
            var applied = await _client.PatchAsync(kind, ns, manifest.Name, PatchTypes.Apply, obj.ToJsonString(), write, cancel).ConfigureAwait(false);
            return ChangeResult.Slashed(kind, ns, manifest.Name, "serverside-applied", _options.DryRun, manifest.Source.ToString(), KubeResourceClient.ToObject(kind, applied));
        }
        catch (KubeApiException e) when (e.IsConflict)
        {
            throw new KubeException(e.Message + "\n" + ServerSideApplyConflict.Advice, e.ErrorId, e.Category, null, e,
                "Run again with -ForceConflicts to take over these fields, or leave them out of the manifest.");
        }
        catch (KubeApiException e) when ((int)e.StatusCode == 415)
        {
            throw new KubeException($"Server-side apply not available on the server: ({e.Message})", e.ErrorId, e.Category, null, e);
        }
    }

    private async Task<JsonObject?> TryGetAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel)
    {
        try
        {
            return await _client.GetJsonAsync(kind, ns, name, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
