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

    private static JsonObject Message(CodedInputStream input, string message)
    {
        var fields = ProtoSchema.Messages[message];
        var obj = new JsonObject();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!fields.TryGetValue(WireFormat.GetTagFieldNumber(tag), out var f)) { input.SkipLastField(); continue; }
            JsonNode? value = f.Type switch
            {
                ProtoType.String => input.ReadString(),
                ProtoType.Int => input.ReadInt64(),
                ProtoType.Bool => input.ReadBool(),
                ProtoType.Bytes => Convert.ToBase64String(input.ReadBytes().ToByteArray()),
                ProtoType.Message => Message(new CodedInputStream(input.ReadBytes().ToByteArray()), f.Message!),
                _ => null,
            };
            if (f.Type is ProtoType.StringMap or ProtoType.BytesMap)
            {
                var (k, v) = MapEntry(new CodedInputStream(input.ReadBytes().ToByteArray()), f.Type == ProtoType.BytesMap);
                var map = obj[f.Name] as JsonObject ?? new JsonObject();
                map[k] = v;
                obj[f.Name] = map;
            }
            else if (f.Repeated)
            {
                var arr = obj[f.Name] as JsonArray ?? new JsonArray();
                arr.Add(value);
                obj[f.Name] = arr;
            }
            else obj[f.Name] = value;
        }
        return obj;
    }

    /// <summary>A map entry message {1: key, 2: value}; bytes values become base64 as in JSON.</summary>
    private static (string, string) MapEntry(CodedInputStream input, bool bytesValue)
    {
        string k = "", v = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: k = input.ReadString(); break;
                case 2: v = bytesValue ? Convert.ToBase64String(input.ReadBytes().ToByteArray()) : input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        return (k, v);
    }
}
