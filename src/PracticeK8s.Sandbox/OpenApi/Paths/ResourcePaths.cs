using System.Text.Json.Nodes;
using PracticeK8s.Sandbox.OpenApi.Schemas;

namespace PracticeK8s.Sandbox.OpenApi.Paths;

/// <summary>The schema names a resource's operations refer to.</summary>
internal sealed record ResourceSchemas(string Kind, string List, IReadOnlyList<string> PatchTypes, Func<GroupVersionKind, string?> SchemaOf);

/// <summary>
/// Adds the paths of one resource of a group-version to a document, as kube-apiserver lays
/// them out: the collection (list, create, deletecollection), the object (read, replace,
/// patch, delete), the all-namespaces list, the deprecated watch paths, and each subresource.
/// </summary>
internal sealed class ResourcePaths(OperationFactory operations, QueryParameters parameters)
{
    private OperationNaming Naming => operations.Naming;

    public void AddRoot(JsonObject paths, string prefix, string group, string version)
    {
        var op = new JsonObject
        {
            ["description"] = "get available resources",
            ["operationId"] = Naming.Id("get", "", "APIResources"),
            ["responses"] = OperationFactory.Responses(SchemaNames.ApiResourceList, "200"),
            ["tags"] = new JsonArray(Naming.Tag),
        };
        paths[prefix + "/"] = new JsonObject { ["get"] = op };
    }

    public void Add(JsonObject paths, string prefix, OpenApiResource resource, ResourceSchemas schemas)
    {
        var gvk = new GroupVersionKind(resource.Group, resource.Version, resource.Kind);
        var kind = resource.Kind;
        var scope = resource.Namespaced ? "Namespaced" : "";
        var collection = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
        var item = collection + "/{name}";
        // Parameter objects are created afresh for every path item (a JSON node has one parent).
        JsonObject[] ScopeParameters() => resource.Namespaced ? [parameters.Namespace()] : [];

        // The collection.
        var collectionItem = PathItem(ScopeParameters().Append(parameters.Pretty()));
        if (resource.Has("list"))
            collectionItem["get"] = operations.Operation("list", Naming.Id("list", scope, kind), ListDescription(resource), gvk,
                parameters.Many(QueryParameters.List), null, OperationFactory.StreamResponses(schemas.List));
        if (resource.Has("create"))
            collectionItem["post"] = operations.Operation("post", Naming.Id("create", scope, kind), $"create{OperationNaming.Article(kind)}{kind}", gvk,
                parameters.Many(QueryParameters.Write), OperationFactory.Body(schemas.Kind), OperationFactory.Responses(schemas.Kind, "200", "201", "202"));
        if (resource.Has("deletecollection"))
            collectionItem["delete"] = operations.Operation("deletecollection", Naming.Id("delete", "Collection" + scope, kind), $"delete collection of {kind}", gvk,
                parameters.Many(QueryParameters.DeleteCollection), OperationFactory.Body(SchemaNames.DeleteOptions), OperationFactory.Responses(SchemaNames.Status, "200"));
        AddIfAny(paths, collection, collectionItem);

        // The object.
        var objectItem = PathItem(ScopeParameters().Append(parameters.Name(kind)).Append(parameters.Pretty()));
        if (resource.Has("get"))
            objectItem["get"] = operations.Operation("get", Naming.Id("read", scope, kind), $"read the specified {kind}", gvk,
                null, null, OperationFactory.Responses(schemas.Kind, "200"));
        if (resource.Has("update"))
            objectItem["put"] = operations.Operation("put", Naming.Id("replace", scope, kind), $"replace the specified {kind}", gvk,
                parameters.Many(QueryParameters.Write), OperationFactory.Body(schemas.Kind), OperationFactory.Responses(schemas.Kind, "200", "201"));
        if (resource.Has("patch"))
            objectItem["patch"] = operations.Operation("patch", Naming.Id("patch", scope, kind), $"partially update the specified {kind}", gvk,
                parameters.Many(QueryParameters.Patch), OperationFactory.PatchBody(schemas.PatchTypes), OperationFactory.Responses(schemas.Kind, "200", "201"));
        if (resource.Has("delete"))
            objectItem["delete"] = operations.Operation("delete", Naming.Id("delete", scope, kind), $"delete{OperationNaming.Article(kind)}{kind}", gvk,
                parameters.Many(QueryParameters.Delete), OperationFactory.Body(SchemaNames.DeleteOptions), OperationFactory.Responses(SchemaNames.Status, "200", "202"));
        AddIfAny(paths, item, objectItem);

        // Lists across namespaces.
        if (resource.Namespaced && resource.Has("list"))
        {
            var all = PathItem(QueryParameters.List.Select(parameters.Query).Append(parameters.Pretty()));
            all["get"] = operations.Operation("list", Naming.Id("list", "", kind, "ForAllNamespaces"), ListDescription(resource), gvk,
                null, null, OperationFactory.StreamResponses(schemas.List));
            paths[$"{prefix}/{resource.Plural}"] = all;
        }

        if (resource.Has("watch")) AddWatchPaths(paths, prefix, resource, gvk, scope);

        foreach (var name in resource.Subresources)
            AddSubresource(paths, item, ScopeParameters, resource, gvk, scope, schemas, SubresourceInfo.For(name, gvk));
    }

    private void AddWatchPaths(JsonObject paths, string prefix, OpenApiResource resource, GroupVersionKind gvk, string scope)
    {
        var kind = resource.Kind;
        IEnumerable<JsonObject> WatchParameters() => QueryParameters.List.Select(parameters.Query).Append(parameters.Pretty());
        var watchList = $"watch individual changes to a list of {kind}. deprecated: use the 'watch' parameter with a list operation instead.";
        var watchOne = $"watch changes to an object of kind {kind}. deprecated: use the 'watch' parameter with a list operation instead, " +
                       "filtered to a single item with the 'fieldSelector' parameter.";
        var collection = resource.Namespaced ? $"{prefix}/watch/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/watch/{resource.Plural}";
        JsonObject[] Scoped() => resource.Namespaced ? [parameters.Namespace()] : [];

        var listItem = PathItem(WatchParameters().Concat(Scoped()));
        listItem["get"] = operations.Operation("watchlist", Naming.Id("watch", scope, kind, "List"), watchList, gvk,
            null, null, OperationFactory.StreamResponses(SchemaNames.WatchEvent));
        paths[collection] = listItem;

        if (resource.Has("get"))
        {
            var oneItem = PathItem(WatchParameters().Concat(Scoped()).Append(parameters.Name(kind)));
            oneItem["get"] = operations.Operation("watch", Naming.Id("watch", scope, kind), watchOne, gvk,
                null, null, OperationFactory.StreamResponses(SchemaNames.WatchEvent));
            paths[collection + "/{name}"] = oneItem;
        }

        if (resource.Namespaced)
        {
            var allItem = PathItem(WatchParameters());
            allItem["get"] = operations.Operation("watchlist", Naming.Id("watch", "", kind, "ListForAllNamespaces"), watchList, gvk,
                null, null, OperationFactory.StreamResponses(SchemaNames.WatchEvent));
            paths[$"{prefix}/watch/{resource.Plural}"] = allItem;
        }
    }

    private void AddSubresource(JsonObject paths, string item, Func<JsonObject[]> scopeParameters, OpenApiResource resource,
        GroupVersionKind parent, string scope, ResourceSchemas schemas, SubresourceInfo sub)
    {
        var kind = resource.Kind;
        var suffix = OperationNaming.Capitalise(sub.Name);
        var gvk = sub.Kind ?? parent;
        var schema = sub.Kind is { } other ? schemas.SchemaOf(other) : schemas.Kind;
        var path = $"{item}/{sub.Name}";

        switch (sub.Shape)
        {
            case SubresourceShape.ReadWrite when schema is not null:
            {
                var pathItem = PathItem(scopeParameters().Append(parameters.Name(kind)).Append(parameters.Pretty()));
                pathItem["get"] = operations.Operation("get", Naming.Id("read", scope, kind, suffix), $"read {sub.Name} of the specified {kind}", gvk,
                    null, null, OperationFactory.Responses(schema, "200"));
                pathItem["put"] = operations.Operation("put", Naming.Id("replace", scope, kind, suffix), $"replace {sub.Name} of the specified {kind}", gvk,
                    parameters.Many(QueryParameters.Write), OperationFactory.Body(schema), OperationFactory.Responses(schema, "200", "201"));
                pathItem["patch"] = operations.Operation("patch", Naming.Id("patch", scope, kind, suffix), $"partially update {sub.Name} of the specified {kind}", gvk,
                    parameters.Many(QueryParameters.Patch), OperationFactory.PatchBody(schemas.PatchTypes), OperationFactory.Responses(schema, "200", "201"));
                paths[path] = pathItem;
                break;
            }
            case SubresourceShape.Replace:
            {
                var pathItem = PathItem(scopeParameters().Append(parameters.Name(kind)).Append(parameters.Pretty()));
                pathItem["put"] = operations.Operation("put", Naming.Id("replace", scope, kind, suffix), $"replace {sub.Name} of the specified {kind}", gvk,
                    parameters.Many(sub.Parameters), OperationFactory.Body(schemas.Kind), OperationFactory.Responses(schemas.Kind, "200", "201"));
                paths[path] = pathItem;
                break;
            }
            case SubresourceShape.Create when schema is not null:
            {
                var pathItem = PathItem(scopeParameters().Append(parameters.Name(gvk.Kind)).Append(parameters.Pretty()));
                pathItem["post"] = operations.Operation("post", Naming.Id("create", scope, kind, suffix), $"create {sub.Name} of{OperationNaming.Article(kind)}{kind}", gvk,
                    parameters.Many(sub.Parameters), OperationFactory.Body(schema), OperationFactory.Responses(schema, "200", "201", "202"));
                paths[path] = pathItem;
                break;
            }
            case SubresourceShape.Log:
            {
                var pathItem = PathItem(scopeParameters().Append(parameters.Name(kind)).Append(parameters.Pretty()));
                pathItem["get"] = operations.Operation("get", Naming.Id("read", scope, kind, suffix), $"read {sub.Name} of the specified {kind}", gvk,
                    parameters.Many(sub.Parameters), null, OperationFactory.TextResponses("text/plain"));
                paths[path] = pathItem;
                break;
            }
            case SubresourceShape.Connect:
            {
                var pathItem = PathItem(scopeParameters().Append(parameters.Name(gvk.Kind)).Concat(sub.Parameters.Select(parameters.Query)));
                foreach (var method in new[] { "get", "post" })
                    pathItem[method] = Connect(method, scope, kind, suffix, sub.Name, gvk);
                paths[path] = pathItem;
                break;
            }
            case SubresourceShape.Proxy:
            {
                var methods = new[] { "get", "put", "post", "delete", "patch", "options", "head" };
                var pathItem = PathItem(scopeParameters().Append(parameters.Name(gvk.Kind)).Concat(sub.Parameters.Select(parameters.Query)));
                foreach (var method in methods) pathItem[method] = Connect(method, scope, kind, suffix, sub.Name, gvk);
                paths[path] = pathItem;
                var withPath = PathItem(scopeParameters().Append(parameters.Name(gvk.Kind)).Append(parameters.PathSegment()).Concat(sub.Parameters.Select(parameters.Query)));
                foreach (var method in methods) withPath[method] = Connect(method, scope, kind, suffix + "WithPath", sub.Name, gvk);
                paths[path + "/{path}"] = withPath;
                break;
            }
        }
    }

    private static string ListDescription(OpenApiResource resource) =>
        resource.Has("watch") ? $"list or watch objects of kind {resource.Kind}" : $"list objects of kind {resource.Kind}";

    private JsonObject Connect(string method, string scope, string kind, string suffix, string subresource, GroupVersionKind gvk) =>
        operations.Operation("connect", Naming.Id("connect", OperationNaming.Capitalise(method) + scope, kind, suffix),
            $"connect {method.ToUpperInvariant()} requests to {subresource} of {kind}", gvk, null, null, OperationFactory.TextResponses("*/*"));

    private static JsonObject PathItem(IEnumerable<JsonObject> pathParameters) =>
        new() { ["parameters"] = QueryParameters.Sorted(pathParameters) };

    private static void AddIfAny(JsonObject paths, string path, JsonObject item)
    {
        if (item.Count > 1) paths[path] = item;
    }
}
