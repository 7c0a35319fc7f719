using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Resources;
using PracticeK8s.Engine.Session;

namespace PracticeK8s.Engine.Describe;

/// <summary>The reads a describe fetch plan makes: lists and gets with kubectl's selectors.</summary>
public sealed class RelatedReader
{
    internal RelatedReader(KubeConnection connection) => Client = new KubeResourceClient(connection);

    public KubeResourceClient Client { get; }

    public async Task<IReadOnlyList<T>> ListAsync<T>(ResourceKind kind, string? ns, string? labelSelector, string? fieldSelector, CancellationToken cancel)
    {
        var result = new List<T>();
        await foreach (var item in Client.ListAsync(kind, ns, new ListOptions { LabelSelector = labelSelector, FieldSelector = fieldSelector }, cancel).ConfigureAwait(false))
            result.Add((T)item);
        return result;
    }

    /// <summary>The whole list, or null when the server does not serve it or forbids it (describe leaves the section out).</summary>
    public async Task<IReadOnlyList<T>?> TryListAsync<T>(ResourceKind kind, string? ns, CancellationToken cancel)
    {
        try
        {
            return await ListAsync<T>(kind, ns, null, null, cancel).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }
    }
}
