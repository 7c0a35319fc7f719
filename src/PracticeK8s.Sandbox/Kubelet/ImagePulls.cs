using System.Text.Json.Nodes;
using k8s.Models;
using PracticeK8s.Sandbox.Runtime.Images;
using PracticeK8s.Sandbox.Resources;

namespace PracticeK8s.Sandbox.Kubelet;

/// <summary>
/// The image side of starting a container: whether the kubelet pulls (imagePullPolicy, images the
/// node already has in <c>status.images</c>), the Pulling/Pulled event messages, and recording a pulled image on the node.
/// </summary>
public static class ImagePulls
{
    public static bool NeedsPull(V1Container c, IEnumerable<string> nodeImages)
    {
        var policy = c.ImagePullPolicy ?? "IfNotPresent";
        if (policy == "Always") return true;
        if (policy == "Never") return false;
        var qualified = ImageReference.Parse(c.Image ?? "").FullName;
        return !nodeImages.Contains(qualified);
    }

    public static string PullingMessage(V1Container c) => $"Pulling image \"{c.Image}\"";

    public static string PulledMessage(V1Container c, TimeSpan took) =>
        $"Successfully pulled image \"{c.Image}\" in {Go(took)} ({Go(took)} including waiting). Image size: {ImageReference.Parse(c.Image ?? "").SizeBytes} bytes.";

    public static string PresentMessage(V1Container c) => $"Container image \"{c.Image}\" already present on machine";

    /// <summary>A duration as Go prints it at millisecond precision (<c>812ms</c>, <c>1.2s</c>).</summary>
    public static string Go(TimeSpan t)
    {
        var ms = (long)Math.Round(t.TotalMilliseconds);
        if (ms < 1000) return $"{ms}ms";
        return (ms / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>The names of the images a node reports having.</summary>
    public static HashSet<string> OnNode(V1Node node) =>
        (node.Status?.Images ?? new List<V1ContainerImage>()).SelectMany(i => i.Names ?? new List<string>()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Adds an image to a node's <c>status.images</c> (names: digest form and tag form).</summary>
    public static void Record(JsonObject node, string image)
    {
        var reference = ImageReference.Parse(image);
        var qualified = reference.FullName;
        var images = node.Ensure("status")["images"] as JsonArray ?? new JsonArray();
        if (images.Objects().Any(i => i.Arr("names")?.Any(n => n?.GetValue<string>() == qualified) == true)) return;
        images.Add(new JsonObject
        {
            ["names"] = new JsonArray(reference.ImageId, qualified),
            ["sizeBytes"] = reference.SizeBytes,
        });
        node.Ensure("status")["images"] = images;
    }
}
