using k8s.Models;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Objects;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;
using PracticeK8s.Printing;

namespace PracticeK8s.Engine.Describe;

/// <summary>
/// Reads what `kubectl describe` reads for an object — the object, its events and the related
/// objects its kind's catalog entry names (a deployment's replica sets, a node's pods and lease, a
/// service's endpoint slices...) — with the same requests kubectl makes, and hands them to the
/// printing library with the entry's describer.
/// </summary>
public sealed class DescribeFetcher
{
    private readonly KubeResourceClient _client;
    private readonly RelatedReader _reader;
    private readonly KubeConnection _connection;
    private int? _serverMinor;

    public DescribeFetcher(KubeConnection connection)
    {
        _connection = connection;
        _client = new KubeResourceClient(connection);
        _reader = new RelatedReader(connection);
    }

    public async Task<DescribeInput> FetchAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel)
    {
        var resource = await _client.GetAsync(kind, ns, name, cancel).ConfigureAwait(false);
        return await FetchRelatedAsync(kind, resource, cancel).ConfigureAwait(false);
    }

    public async Task<DescribeInput> FetchRelatedAsync(ResourceKind kind, object resource, CancellationToken cancel)
    {
        var entry = KindCatalog.For(kind);
        var facts = ObjectFacts.Of(resource)!;
        var input = new DescribeInput
        {
            Resource = resource,
            KubectlMinorVersion = await ServerMinorAsync(cancel).ConfigureAwait(false),
            Events = await EventsAsync(entry, facts, cancel).ConfigureAwait(false),
        };
        return entry.Related is { } plan ? await plan(_reader, input, cancel).ConfigureAwait(false) : input;
    }

    /// <summary>Events about the object, as kubectl queries them for its kind; null when its kind prints none.</summary>
    private async Task<IReadOnlyList<Corev1Event>?> EventsAsync(KindEntry entry, ObjectFacts facts, CancellationToken cancel)
    {
        if (entry.Events == DescribeEvents.None)
            return null;
        var kind = entry.Resource;
        var kindPart = entry.Events == DescribeEvents.OfObjectWithoutKind ? "" : $",involvedObject.kind={kind.Kind}";
        var nsPart = $",involvedObject.namespace={facts.Namespace ?? ""}";
        var selector = $"involvedObject.name={facts.Name}{nsPart}{kindPart},involvedObject.uid={facts.Uid}";
        var listNs = kind.Namespaced ? facts.Namespace : null;
        var events = await _reader.ListAsync<Corev1Event>(KindCatalog.Event, listNs, null, selector, cancel).ConfigureAwait(false);
        if (entry.Events == DescribeEvents.OfObjectAndName)
        {
            var byName = await _reader.ListAsync<Corev1Event>(KindCatalog.Event, null, null,
                $"involvedObject.name={facts.Name}{nsPart}{kindPart},involvedObject.uid={facts.Name}", cancel).ConfigureAwait(false);
            return events.Concat(byName).ToList();
        }
        return events;
    }

    /// <summary>The server's minor version: kubectl's dispatcher runs the matching kubectl build, whose layout we reproduce.</summary>
    private async Task<int> ServerMinorAsync(CancellationToken cancel)
    {
        if (_serverMinor is int known)
            return known;
        try
        {
            var version = await _connection.Api.GetVersionAsync(cancel).ConfigureAwait(false);
            _serverMinor = int.TryParse(new string(version.Minor.TakeWhile(char.IsDigit).ToArray()), out var minor) ? Math.Clamp(minor, 27, 33) : 32;
        }
        catch (KubeException)
        {
            _serverMinor = 32;
        }
        return _serverMinor.Value;
    }

    /// <summary>The description text (what the cmdlet prints); printing-library types stay inside the engine.</summary>
    public async Task<string> DescribeAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel) =>
        Describer.Describe(await DescribableAsync(kind, ns, name, cancel).ConfigureAwait(false), DateTime.UtcNow, KindCatalog.For(kind).Describer);

    /// <summary>The description's sections (DescribeSection objects) for -AsObject.</summary>
    public async Task<IReadOnlyList<object>> SectionsAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel) =>
        Describer.Sections(await DescribableAsync(kind, ns, name, cancel).ConfigureAwait(false), DateTime.UtcNow, KindCatalog.For(kind).Describer)
            .Cast<object>().ToList();

    private async Task<DescribeInput> DescribableAsync(ResourceKind kind, string? ns, string name, CancellationToken cancel)
    {
        var input = await FetchAsync(kind, ns, name, cancel).ConfigureAwait(false);
        // An object without a model (a custom resource) is a PSObject here; the printing library reads it as JSON.
        return input.Resource is System.Management.Automation.PSObject generic
            ? input with { Resource = System.Text.Json.JsonSerializer.SerializeToElement(Yaml.PSObjectJson.ToJson(generic)) }
            : input;
    }
}
