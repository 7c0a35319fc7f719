using System.Text.Json.Nodes;
using Google.Protobuf;

namespace PracticeK8s.Sandbox.Api.Protobuf;

/// <summary>
/// Decodes a Kubernetes protobuf body (<c>k8s\0</c> + runtime.Unknown{typeMeta, raw}) into the
/// JSON object the rest of the server works with, using <see cref="ProtoSchema"/>.
/// </summary>
public static class ProtobufBody
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static bool CanDecode(string kind) => ProtoSchema.Messages.ContainsKey(kind);

    public static JsonObject Decode(byte[] body, IEnumerable<string> acceptedTypes)
    {
        // Google.Protobuf refuses lengths past the end of the body and groups nested past its recursion
        // limit before allocating; messages nest only as deep as ProtoSchema's (acyclic) layouts.
        try { return DecodeUnknown(body, acceptedTypes); }
        catch (InvalidProtocolBufferException e) { throw ApiException.BadRequest($"error decoding protobuf: {e.Message}"); }
    }

    private static JsonObject DecodeUnknown(byte[] body, IEnumerable<string> acceptedTypes)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual(Magic))
            throw ApiException.BadRequest("provided protobuf body is missing the Kubernetes magic prefix");
        string apiVersion = "", kind = "";
        byte[] raw = Array.Empty<byte>();
        var input = new CodedInputStream(body, 4, body.Length - 4);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    var typeMeta = new CodedInputStream(input.ReadBytes().ToByteArray());
                    uint t;
                    while ((t = typeMeta.ReadTag()) != 0)
                    {
                        if (WireFormat.GetTagFieldNumber(t) == 1) apiVersion = typeMeta.ReadString();
                        else if (WireFormat.GetTagFieldNumber(t) == 2) kind = typeMeta.ReadString();
                        else typeMeta.SkipLastField();
                    }
                    break;
                case 2: raw = input.ReadBytes().ToByteArray(); break;
                default: input.SkipLastField(); break;
            }
        }
        if (!CanDecode(kind))
            throw ApiException.UnsupportedMediaType(MediaType.Protobuf, acceptedTypes);
        var obj = Message(new CodedInputStream(raw), kind);
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        return obj;
    }

    /// <summary>Decodes one message into a JSON object; zero values of non-pointer fields are left out (see <see cref="ProtoField"/>).</summary>
    private static JsonObject Message(CodedInputStream input, string message)
    {
        var fields = ProtoSchema.Messages[message];
        var obj = new JsonObject();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!fields.TryGetValue(WireFormat.GetTagFieldNumber(tag), out var f)) { input.SkipLastField(); continue; }
            switch (f.Type)
            {
                case ProtoType.StringMap or ProtoType.BytesMap or ProtoType.QuantityMap:
                {
                    var (k, v) = MapEntry(new CodedInputStream(input.ReadBytes().ToByteArray()), f.Type);
                    var map = obj[f.Name] as JsonObject ?? new JsonObject();
                    map[k] = v;
                    obj[f.Name] = map;
                    continue;
                }
                case ProtoType.Inline:
                    foreach (var (k, v) in Message(new CodedInputStream(input.ReadBytes().ToByteArray()), f.Message!).ToList())
                    {
                        var child = v;
                        ((JsonObject)v!.Parent!).Remove(k);
                        obj[k] = child;
                    }
                    continue;
            }
            JsonNode? value = f.Type switch
            {
                ProtoType.String => input.ReadString(),
                ProtoType.Int => input.ReadInt64(),
                ProtoType.Bool => input.ReadBool(),
                ProtoType.Bytes => Convert.ToBase64String(input.ReadBytes().ToByteArray()),
                ProtoType.Message => Message(new CodedInputStream(input.ReadBytes().ToByteArray()), f.Message!),
                ProtoType.IntOrString => IntOrString(new CodedInputStream(input.ReadBytes().ToByteArray())),
                ProtoType.Quantity => Quantity(new CodedInputStream(input.ReadBytes().ToByteArray())),
                _ => null,
            };
            if (f.Repeated)
            {
                var arr = obj[f.Name] as JsonArray ?? new JsonArray();
                arr.Add(value);
                obj[f.Name] = arr;
            }
            else if (f.Pointer || !IsZero(value)) obj[f.Name] = value;
        }
        return obj;
    }

    private static bool IsZero(JsonNode? value) => value switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        _ => false,
    };

    /// <summary>intstr.IntOrString {1: type (0 int, 1 string), 2: intVal, 3: strVal}.</summary>
    private static JsonNode IntOrString(CodedInputStream input)
    {
        long type = 0, intVal = 0;
        string strVal = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: type = input.ReadInt64(); break;
                case 2: intVal = input.ReadInt64(); break;
                case 3: strVal = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        return type == 1 ? JsonValue.Create(strVal) : JsonValue.Create(intVal);
    }

    /// <summary>resource.Quantity {1: string}.</summary>
    private static JsonNode Quantity(CodedInputStream input)
    {
        var text = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1) text = input.ReadString();
            else input.SkipLastField();
        }
        return JsonValue.Create(text);
    }

    /// <summary>A map entry message {1: key, 2: value}; bytes values become base64 as in JSON, quantities their string.</summary>
    private static (string, JsonNode) MapEntry(CodedInputStream input, ProtoType type)
    {
        string k = "";
        JsonNode v = JsonValue.Create("");
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: k = input.ReadString(); break;
                case 2:
                    v = type switch
                    {
                        ProtoType.BytesMap => JsonValue.Create(Convert.ToBase64String(input.ReadBytes().ToByteArray())),
                        ProtoType.QuantityMap => Quantity(new CodedInputStream(input.ReadBytes().ToByteArray())),
                        _ => JsonValue.Create(input.ReadString()),
                    };
                    break;
                default: input.SkipLastField(); break;
            }
        }
        return (k, v);
    }
}
