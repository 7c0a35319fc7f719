using PracticeK8s.Sandbox.Api.Tables;
using PracticeK8s.Sandbox.Selectors;
using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Api;

/// <summary>GET of one object and of collections (selectors, resourceVersion semantics, limit/continue, Table).</summary>
public sealed class ReadHandler(SandboxState state)
{
    public const string ContinueTooOld =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    public async Task Get(ApiRequest r)
    {
        var format = Format(r);
        var o = state.Store.Get(r.Def.StorageKey, r.Namespace, r.Name)
                ?? throw ApiException.NotFound(r.Def.QualifiedResource, r.Name, r.Def.Group);
        if (format.Kind == ResponseKind.Table)
            await Respond.Bytes(r.Http, 200, TableWriter.Write(r.Def, new[] { o }, format.IncludeObject, o.ResourceVersion, null, null));
        else
            await Respond.Bytes(r.Http, 200, Resources.Conversion.ServedVersions.Served(r.Def, o).Json);
    }

    public static ResponseFormat Format(ApiRequest r) =>
        ResponseFormat.Negotiate(r.Http.Request.Headers.Accept.ToString(), r.QueryString("includeObject"), tableAllowed: true, discoveryAllowed: false);

    public async Task List(ApiRequest r)
    {
        var format = Format(r);
        var labels = LabelSelector.Parse(r.QueryString("labelSelector"));
        var fields = FieldSelector.Parse(r.QueryString("fieldSelector"), r.Def);
        var limit = r.QueryLong("limit") ?? 0;
        var rvParam = r.QueryString("resourceVersion");
        var rvMatch = r.QueryString("resourceVersionMatch");
        var cont = r.QueryString("continue");
        if (rvMatch is not null && rvParam is null)
            throw new ApiException(422, "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided")
            { DetailsKind = "ListOptions", DetailsGroup = "meta.k8s.io", Causes = new[] { new StatusCause("FieldValueForbidden", "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided", "resourceVersionMatch") } };
        if (rvMatch is not (null or "Exact" or "NotOlderThan"))
            throw ApiException.BadRequest($"resourceVersionMatch: Unsupported value: \"{rvMatch}\"");

        long? at = null;
        ContinueToken? token = null;
        if (cont is not null)
        {
            if (rvParam is not (null or "0" or ""))
                throw ApiException.BadRequest("specifying resource version is not allowed when using continue");
            token = ContinueToken.Decode(cont);
            at = token.ResourceVersion;
        }
        else if (rvParam is not null && rvMatch == "Exact")
        {
            at = long.TryParse(rvParam, out var n) ? n : throw ApiException.BadRequest($"invalid resource version \"{rvParam}\"");
        }

        List<StoredObject> all;
        long listRv;
        try
        {
            (all, listRv) = state.Store.List(r.Def.StorageKey, r.Target.Namespace, at);
        }
        catch (ResourceVersionTooOldException e)
        {
            throw token is not null
                ? ApiException.Expired(ContinueTooOld)
                : ApiException.Expired($"too old resource version: {e.Requested} ({e.Oldest})");
        }

        var selected = new List<StoredObject>();
        long remaining = 0;
        string? next = null;
        foreach (var o in all)
        {
            if (token is not null && string.CompareOrdinal(o.Namespace, token.StartNamespace) is var c && (c < 0 || c == 0 && string.CompareOrdinal(o.Name, token.StartName) <= 0))
                continue;
            if (!labels.Matches(o.Labels) || !fields.Matches(o)) continue;
            if (limit > 0 && selected.Count >= limit) { remaining++; continue; }
            selected.Add(o);
        }
        if (remaining > 0)
        {
            var last = selected[^1];
            next = new ContinueToken(listRv, last.Namespace, last.Name).Encode();
        }
        var body = format.Kind == ResponseKind.Table
            ? TableWriter.Write(r.Def, selected, format.IncludeObject, listRv, next, remaining)
            : ListWriter.Write(r.Def, selected.Select(o => Resources.Conversion.ServedVersions.Served(r.Def, o)).ToList(), listRv, next, remaining);
        await Respond.Bytes(r.Http, 200, body);
    }
}
