using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// RFC 6902 JSON Patch (<c>application/json-patch+json</c>): add, remove, replace, move, copy, test.
/// A malformed patch document is a <see cref="PatchErrorKind.BadRequest"/>; an operation that cannot be
/// applied, including a failed <c>test</c>, is <see cref="PatchErrorKind.Invalid"/> (422), as the API server answers.
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies <paramref name="patch"/> (a JSON array of operations) to a copy of <paramref name="document"/>.</summary>
    public static JsonNode? Apply(JsonNode? document, JsonNode patch)
    {
        if (patch is not JsonArray operations)
        {
            throw PatchException.BadRequest($"json: cannot unmarshal {JsonNodes.ShapeOf(patch).ToString().ToLowerInvariant()} into Go value of type jsonpatch.Patch");
        }

        var root = new Holder(JsonNodes.Clone(document));
        foreach (var item in operations)
        {
            if (item is not JsonObject operation)
            {
                throw PatchException.BadRequest("json: cannot unmarshal a JSON patch operation that is not an object");
            }

            ApplyOperation(root, operation);
        }

        return root.Value;
    }

    private static void ApplyOperation(Holder root, JsonObject operation)
    {
        var op = StringMember(operation, "op") ?? throw PatchException.Invalid("Unexpected kind: missing op");
        switch (op)
        {
            case "add":
                Add(root, RequiredPath(operation, "path", op), RequiredValue(operation, op));
                break;
            case "remove":
                Remove(root, RequiredPath(operation, "path", op));
                break;
            case "replace":
                Replace(root, RequiredPath(operation, "path", op), RequiredValue(operation, op));
                break;
            case "move":
            {
                var from = RequiredPath(operation, "from", op);
                var path = RequiredPath(operation, "path", op);
                if (path.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    throw PatchException.Invalid($"move operation from {from} to a location inside it ({path}) is not allowed");
                }

                var value = Remove(root, from);
                Add(root, path, value);
                break;
            }

            case "copy":
                Add(root, RequiredPath(operation, "path", op), JsonNodes.Clone(Get(root, RequiredPath(operation, "from", op), op)));
                break;
            case "test":
            {
                var path = RequiredPath(operation, "path", op);
                var expected = RequiredValue(operation, op);
                JsonNode? actual;
                try
                {
                    actual = Get(root, path, op);
                }
                catch (PatchException)
                {
                    throw PatchException.Invalid($"testing value {path} failed: test failed");
                }

                if (!JsonEquality.DeepEquals(actual, expected))
                {
                    throw PatchException.Invalid($"testing value {path} failed: test failed");
                }

                break;
            }

            default:
                throw PatchException.Invalid($"Unexpected kind: {op}");
        }
    }

    private static string? StringMember(JsonObject operation, string name) =>
        operation.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    private static string RequiredPath(JsonObject operation, string name, string op) =>
        StringMember(operation, name) ?? throw PatchException.Invalid($"{op} operation is missing the \"{name}\" member");

    private static JsonNode? RequiredValue(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? JsonNodes.Clone(value)
            : throw PatchException.Invalid($"{op} operation is missing the \"value\" member");

    private static JsonNode? Get(Holder root, string pointer, string op)
    {
        var node = root.Value;
        foreach (var token in JsonPointer.Parse(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array => array[JsonPointer.ArrayIndex(token, array.Count, allowEnd: false, pointer)],
                _ => throw PatchException.Invalid($"{op} operation does not apply: doc is missing path: \"{pointer}\": missing value"),
            };
        }

        return node;
    }

    private static void Add(Holder root, string pointer, JsonNode? value)
    {
        var (parent, token) = Parent(root, pointer, "add");
        switch (parent)
        {
            case null:
                root.Value = value;
                break;
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array:
                array.Insert(JsonPointer.ArrayIndex(token, array.Count, allowEnd: true, pointer), value);
                break;
        }
    }

    private static JsonNode? Remove(Holder root, string pointer)
    {
        var (parent, token) = Parent(root, pointer, "remove");
        switch (parent)
        {
            case JsonObject obj:
                if (!obj.TryGetPropertyValue(token, out var removed))
                {
                    throw PatchException.Invalid($"Unable to remove nonexistent key: {token}: missing value");
                }

                obj.Remove(token);
                return removed;
            case JsonArray array:
            {
                var index = JsonPointer.ArrayIndex(token, array.Count, allowEnd: false, pointer);
                var item = array[index];
                array.RemoveAt(index);
                return item;
            }

            default:
                throw PatchException.Invalid("remove operation does not apply: cannot remove the whole document");
        }
    }

    private static void Replace(Holder root, string pointer, JsonNode? value)
    {
        var (parent, token) = Parent(root, pointer, "replace");
        switch (parent)
        {
            case null:
                root.Value = value;
                break;
            case JsonObject obj:
                if (!obj.ContainsKey(token))
                {
                    throw PatchException.Invalid($"replace operation does not apply: doc is missing key: {pointer}: missing value");
                }

                obj[token] = value;
                break;
            case JsonArray array:
                array[JsonPointer.ArrayIndex(token, array.Count, allowEnd: false, pointer)] = value;
                break;
        }
    }

    /// <summary>The container of the pointer's target and the last token; (null, "") for the whole document.</summary>
    private static (JsonNode? Parent, string Token) Parent(Holder root, string pointer, string op)
    {
        var tokens = JsonPointer.Parse(pointer);
        if (tokens.Count == 0)
        {
            return (null, string.Empty);
        }

        var node = root.Value;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array => array[JsonPointer.ArrayIndex(token, array.Count, allowEnd: false, pointer)],
                _ => null,
            };

            if (node is null)
            {
                break;
            }
        }

        if (node is not (JsonObject or JsonArray))
        {
            throw PatchException.Invalid($"{op} operation does not apply: doc is missing path: \"{pointer}\": missing value");
        }

        return (node, tokens[^1]);
    }

    /// <summary>The document root, which an operation on the empty pointer replaces.</summary>
    private sealed class Holder(JsonNode? value)
    {
        public JsonNode? Value { get; set; } = value;
    }
}
