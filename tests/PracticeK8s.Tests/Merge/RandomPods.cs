using System.Text.Json.Nodes;

namespace PracticeK8s.Tests.Merge;

/// <summary>Seeded random Pods built from a few names, so that lists overlap, reorder, grow and shrink.</summary>
internal sealed class RandomPods(int seed)
{
    private static readonly string[] Names = ["a", "b", "c", "d"];
    private static readonly string[] Finalizers = ["f1", "f2", "f3"];
    private readonly Random random = new(seed);

    public JsonObject Next()
    {
        var metadata = new JsonObject { ["name"] = "p" };
        if (Coin())
        {
            metadata["labels"] = new JsonObject(Some(Names).Select(n => KeyValuePair.Create(n, (JsonNode?)random.Next(2).ToString())));
        }

        if (Coin())
        {
            metadata["finalizers"] = Strings(Shuffled(Some(Finalizers)));
        }

        var spec = new JsonObject { ["containers"] = new JsonArray(Shuffled(Some(Names)).Select(n => (JsonNode?)Container(n)).ToArray()) };
        if (Coin())
        {
            spec["volumes"] = new JsonArray(Some(Names).Select(n => (JsonNode?)(Coin()
                ? new JsonObject { ["name"] = n, ["emptyDir"] = new JsonObject() }
                : new JsonObject { ["name"] = n, ["hostPath"] = new JsonObject { ["path"] = "/" + n } })).ToArray());
        }

        if (random.Next(3) == 0)
        {
            spec["tolerations"] = new JsonArray(Some(Names).Select(n => (JsonNode?)new JsonObject { ["key"] = n, ["operator"] = "Exists" }).ToArray());
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec };
    }

    private JsonObject Container(string name)
    {
        var container = new JsonObject { ["name"] = name, ["image"] = "img-" + random.Next(3) };
        if (Coin())
        {
            container["env"] = new JsonArray(Some(Names).Select(n => (JsonNode?)new JsonObject { ["name"] = "E" + n, ["value"] = random.Next(3).ToString() }).ToArray());
        }

        if (random.Next(3) == 0)
        {
            container["ports"] = new JsonArray(Some([80, 443, 8080]).Select(p => (JsonNode?)new JsonObject { ["containerPort"] = p, ["protocol"] = "TCP" }).ToArray());
        }

        if (random.Next(3) == 0)
        {
            container["args"] = Strings(Some(Names));
        }

        return container;
    }

    private bool Coin() => random.Next(2) == 0;

    private List<T> Some<T>(IEnumerable<T> items) => items.Where(_ => Coin()).ToList();

    private List<T> Shuffled<T>(List<T> items) => items.OrderBy(_ => random.Next()).ToList();

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());
}
