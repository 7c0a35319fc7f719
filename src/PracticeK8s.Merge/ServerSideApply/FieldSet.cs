using System.Text.Json.Nodes;

namespace PracticeK8s.Merge;

/// <summary>
/// A set of field paths, stored as a tree: the form of a managedFields entry's <c>fieldsV1</c>. A node is
/// a member when the field, element or value itself is in the set (a leaf <c>{}</c>, or <c>".": {}</c>
/// beside its children); other nodes only lead to members below them. Instances are immutable.
/// </summary>
public sealed class FieldSet
{
    private readonly SortedDictionary<PathElement, FieldSet> children;

    private FieldSet(bool isMember, SortedDictionary<PathElement, FieldSet> children)
    {
        IsMember = isMember;
        this.children = children;
    }

    public static FieldSet Empty { get; } = new(false, []);

    /// <summary>The node itself is in the set (meaningless for the root).</summary>
    public bool IsMember { get; }

    public bool IsEmpty => !IsMember && children.Count == 0;

    public IReadOnlyDictionary<PathElement, FieldSet> Children => children;

    /// <summary>Every member path, depth first in serialized order.</summary>
    public IEnumerable<FieldPath> Members => CollectMembers(FieldPath.Root);

    /// <summary>A set holding exactly <paramref name="paths"/>.</summary>
    public static FieldSet Of(IEnumerable<FieldPath> paths)
    {
        var builder = new Builder();
        foreach (var path in paths)
        {
            builder.Insert(path);
        }

        return builder.Build();
    }

    /// <summary>
    /// The fields an object (or an applied configuration) sets, by the schema of its kind: what an
    /// Apply entry of managedFields records (before identity fields such as metadata.name are left out).
    /// </summary>
    public static FieldSet FromObject(JsonNode obj, string apiVersion, string kind) =>
        FieldSets.Of(obj, PatchSchema.RootOf(apiVersion, kind));

    public bool Contains(FieldPath path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out node))
            {
                return false;
            }
        }

        return path.Count > 0 && node.IsMember;
    }

    /// <summary>The subtree under <paramref name="element"/>, or <see cref="Empty"/>.</summary>
    public FieldSet Child(PathElement element) => children.TryGetValue(element, out var child) ? child : Empty;

    public FieldSet Union(FieldSet other)
    {
        var result = new SortedDictionary<PathElement, FieldSet>(children);
        foreach (var (element, child) in other.children)
        {
            result[element] = children.TryGetValue(element, out var mine) ? mine.Union(child) : child;
        }

        return new FieldSet(IsMember || other.IsMember, result);
    }

    public FieldSet Difference(FieldSet other)
    {
        var result = new SortedDictionary<PathElement, FieldSet>();
        foreach (var (element, child) in children)
        {
            var remaining = other.children.TryGetValue(element, out var theirs) ? child.Difference(theirs) : child;
            if (!remaining.IsEmpty)
            {
                result[element] = remaining;
            }
        }

        return new FieldSet(IsMember && !other.IsMember, result);
    }

    public FieldSet Intersection(FieldSet other)
    {
        var result = new SortedDictionary<PathElement, FieldSet>();
        foreach (var (element, child) in children)
        {
            if (other.children.TryGetValue(element, out var theirs))
            {
                var common = child.Intersection(theirs);
                if (!common.IsEmpty)
                {
                    result[element] = common;
                }
            }
        }

        return new FieldSet(IsMember && other.IsMember, result);
    }

    /// <summary>The set without the subtrees whose first element is one of <paramref name="elements"/>.</summary>
    public FieldSet Without(params PathElement[] elements)
    {
        var result = new SortedDictionary<PathElement, FieldSet>(children);
        foreach (var element in elements)
        {
            result.Remove(element);
        }

        return new FieldSet(IsMember, result);
    }

    /// <summary>The same set with only the subtrees whose first element is one of <paramref name="elements"/>.</summary>
    public FieldSet Only(params PathElement[] elements) =>
        new(IsMember, new SortedDictionary<PathElement, FieldSet>(children.Where(c => elements.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value)));

    /// <summary>The <c>fieldsV1</c> JSON of this set: <c>{"f:spec":{"f:replicas":{}}}</c>.</summary>
    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        if (IsMember && children.Count > 0)
        {
            json["."] = new JsonObject();
        }

        foreach (var (element, child) in children)
        {
            json[element.Serialized] = child.ToFieldsV1();
        }

        return json;
    }

    /// <summary>Reads a <c>fieldsV1</c> JSON object.</summary>
    public static FieldSet FromFieldsV1(JsonObject fieldsV1) => Read(fieldsV1, isMember: false);

    public override string ToString() => ToFieldsV1().ToJsonString();

    private static FieldSet Read(JsonObject json, bool isMember)
    {
        var result = new SortedDictionary<PathElement, FieldSet>();
        var member = isMember;
        foreach (var (key, value) in json)
        {
            if (key == ".")
            {
                member = true;
                continue;
            }

            var child = value as JsonObject ?? throw PatchException.BadRequest($"fieldsV1: the value of {key} is not an object");
            result[PathElement.Parse(key)] = Read(child, isMember: child.Count == 0);
        }

        return new FieldSet(member, result);
    }

    private IEnumerable<FieldPath> CollectMembers(FieldPath prefix)
    {
        if (IsMember && prefix.Count > 0)
        {
            yield return prefix;
        }

        foreach (var (element, child) in children)
        {
            foreach (var path in child.CollectMembers(prefix.Append(element)))
            {
                yield return path;
            }
        }
    }

    /// <summary>Collects paths into a set.</summary>
    internal sealed class Builder
    {
        private readonly Node root = new();

        public void Insert(FieldPath path)
        {
            if (path.Count == 0)
            {
                return;
            }

            var node = root;
            foreach (var element in path)
            {
                if (!node.Children.TryGetValue(element, out var next))
                {
                    next = new Node();
                    node.Children[element] = next;
                }

                node = next;
            }

            node.IsMember = true;
        }

        public FieldSet Build() => root.Freeze();

        private sealed class Node
        {
            public bool IsMember { get; set; }

            public SortedDictionary<PathElement, Node> Children { get; } = [];

            public FieldSet Freeze() => new(IsMember, new SortedDictionary<PathElement, FieldSet>(Children.ToDictionary(c => c.Key, c => c.Value.Freeze())));
        }
    }
}
