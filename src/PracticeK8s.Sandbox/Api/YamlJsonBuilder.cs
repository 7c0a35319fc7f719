using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PracticeK8s.Sandbox.Api;

/// <summary>
/// One YAML document's parser events to a JSON tree, without recursion: the open mappings and sequences
/// are a stack no deeper than <see cref="BodyLimits.MaxDepth"/>, and every alias is charged the node count
/// of what it copies against <see cref="BodyLimits.MaxAliasExpansion"/> before it is copied.
/// </summary>
internal sealed class YamlJsonBuilder
{
    /// <summary>A mapping or sequence being filled; a mapping holds its next key between key and value.</summary>
    private sealed record Open(JsonNode Node, AnchorName Anchor, int NodesBefore)
    {
        public string? PendingKey { get; set; }
    }

    private readonly Stack<Open> _open = new();
    /// <summary>Completed anchored nodes and how many nodes each spans (what an alias to it costs).</summary>
    private readonly Dictionary<string, (JsonNode? Node, int Nodes)> _anchors = new(StringComparer.Ordinal);
    private int _nodes;
    private int _aliasNodes;
    private bool _done;
    private JsonNode? _root;

    public JsonNode? Build(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>(); // leaves the parser on the document's first node event
        for (var more = true; !_done && more; more = parser.MoveNext())
        {
            var e = parser.Current!;
            switch (e)
            {
                case Scalar s when IsAwaitingKey():
                    _open.Peek().PendingKey = s.Value ?? "";
                    Remember(s.Anchor, JsonValue.Create(s.Value ?? ""), 1);
                    break;
                case Scalar s:
                    Complete(YamlToJson.Scalar(s), s.Anchor, 1, e.Start);
                    break;
                case AnchorAlias a:
                    Alias(a);
                    break;
                case MappingStart m:
                    Push(new JsonObject(), m.Anchor, e.Start);
                    break;
                case SequenceStart q:
                    Push(new JsonArray(), q.Anchor, e.Start);
                    break;
                case MappingEnd or SequenceEnd:
                    var done = _open.Pop();
                    Complete(done.Node, done.Anchor, _nodes - done.NodesBefore + 1, e.Start);
                    break;
            }
        }
        return _root;
    }

    private bool IsAwaitingKey() => _open.Count > 0 && _open.Peek() is { Node: JsonObject, PendingKey: null };

    private void Push(JsonNode node, AnchorName anchor, Mark start)
    {
        if (IsAwaitingKey()) throw new YamlException(start, start, "mapping keys must be scalars");
        if (_open.Count >= BodyLimits.MaxDepth)
            throw new YamlException(start, start, $"exceeded max depth of {BodyLimits.MaxDepth}");
        _open.Push(new Open(node, anchor, _nodes));
    }

    private void Alias(AnchorAlias a)
    {
        if (!_anchors.TryGetValue(a.Value.Value, out var target))
            throw new YamlException(a.Start, a.End, $"unknown anchor '{a.Value.Value}' referenced");
        if (IsAwaitingKey())
        {
            _open.Peek().PendingKey = target.Node is JsonValue v && v.TryGetValue<string>(out var text) ? text : target.Node?.ToJsonString() ?? "null";
            return;
        }
        if ((long)_aliasNodes + target.Nodes > BodyLimits.MaxAliasExpansion)
            throw new YamlException(a.Start, a.End,
                $"document contains excessive aliasing (aliases may expand to at most {BodyLimits.MaxAliasExpansion} nodes)");
        _aliasNodes += target.Nodes;
        _nodes += target.Nodes - 1; // Complete counts the copy's root
        Complete(target.Node?.DeepClone(), AnchorName.Empty, target.Nodes, a.Start);
    }

    /// <summary>A finished node: remembered under its anchor, then placed in its parent (or as the root).</summary>
    private void Complete(JsonNode? node, AnchorName anchor, int nodes, Mark start)
    {
        _nodes++;
        Remember(anchor, node, nodes);
        if (_open.Count == 0)
        {
            _root = node;
            _done = true;
            return;
        }
        var parent = _open.Peek();
        if (parent.Node is JsonArray array)
        {
            array.Add(node);
            return;
        }
        var obj = (JsonObject)parent.Node;
        var key = parent.PendingKey!;
        if (obj.ContainsKey(key)) throw new YamlException(start, start, $"key \"{key}\" already set in map");
        obj[key] = node;
        parent.PendingKey = null;
    }

    private void Remember(AnchorName anchor, JsonNode? node, int nodes)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = (node, nodes);
    }
}
