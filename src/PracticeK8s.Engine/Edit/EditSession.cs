using System.Text.Json.Nodes;
using PracticeK8s.Engine.Api;
using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Changes;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Session;
using PracticeK8s.Engine.Targets;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Engine.Edit;

/// <summary>What an edit came to: a change, or a notice that nothing was changed.</summary>
public sealed record EditOutcome(ChangeResult? Result, string? Notice);

/// <summary>
/// kubectl edit of one object: its YAML (without managedFields) in a temporary file under a
/// comment header, the editor, then a two-way patch of what changed (fieldManager kubectl-edit).
/// A syntax error or an invalid change reopens the editor with the reasons in the header; saving
/// it unchanged after that, a conflict or a vanished object end the edit with the file kept.
/// </summary>
public sealed class EditSession
{
    private readonly KubeResourceClient _client;
    private readonly Func<string, CancellationToken, Task> _openEditor;

    /// <param name="openEditor">Opens the editor on a file and returns when it exits.</param>
    public EditSession(KubeConnection connection, Func<string, CancellationToken, Task> openEditor)
    {
        _client = new KubeResourceClient(connection);
        _openEditor = openEditor;
    }

    public static string NewTempFile()
    {
        var name = "PracticeK8s-edit-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)[..5] + ".yaml";
        var path = Path.Combine(Path.GetTempPath(), name);
        // 0600 from creation: the file will hold the object (a Secret too), and an fd opened now would outlive a later chmod.
        using (Files.PrivateFiles.OpenWrite(path, FileMode.CreateNew)) { }
        return path;
    }

    public async Task<EditOutcome> EditAsync(ObjectTarget target, CancellationToken cancel)
    {
        var live = await _client.GetJsonAsync(target.Kind, target.Namespace, target.Name, cancel).ConfigureAwait(false);
        if (live["metadata"] is JsonObject metadata)
            metadata.Remove("managedFields");
        var body = YamlWriter.Write(live);
        var newline = OperatingSystem.IsWindows() ? "\r\n" : "\n";
        var file = NewTempFile();
        var errors = new List<string>();
        string? previous = null;
        while (true)
        {
            await File.WriteAllTextAsync(file, EditBuffer.Compose(body, errors, newline), cancel).ConfigureAwait(false);
            try
            {
                await _openEditor(file, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (previous is null && e is KubeException or OperationCanceledException)
            {
                File.Delete(file);   // nothing of the user's is in it yet
                throw;
            }
            var edited = EditBuffer.StripComments(await File.ReadAllTextAsync(file, cancel).ConfigureAwait(false));

            if (EditBuffer.IsEmpty(edited))
                return Cancelled(file, "Edit cancelled, saved file was empty.");
            if (previous is not null && edited == previous)
            {
                throw Kept("Edit cancelled, no valid changes were saved", file, "KubeEditInvalid",
                    System.Management.Automation.ErrorCategory.InvalidData, target);
            }
            if (previous is null && edited == body.Replace("\r\n", "\n", StringComparison.Ordinal))
                return Cancelled(file, "Edit cancelled, no changes made.");

            JsonObject changed;
            try
            {
                var documents = KubeYaml.JsonFromYaml(edited, file);
                if (documents.Count != 1)
                    throw new KubeYamlException(file, 1, 1, 1, $"expected one object, found {documents.Count}");
                changed = documents[0].Object;
            }
            catch (KubeYamlException e)
            {
                (errors, previous, body) = (new List<string> { $"The edited file had a syntax error: {e.Message}" }, edited, edited);
                continue;
            }
            if (JsonNode.DeepEquals(changed, live))
                return Cancelled(file, "Edit cancelled, no changes made.");

            var originalNs = live["metadata"]?["namespace"]?.GetValue<string>();
            var editedNs = changed["metadata"]?["namespace"]?.GetValue<string>();
            if (originalNs != editedNs)
            {
                throw Kept($"the namespace of {target.Slashed} cannot be changed from \"{originalNs}\" to \"{editedNs}\"", file, "KubeEditInvalid",
                    System.Management.Automation.ErrorCategory.InvalidData, target);
            }

            ComputedPatch patch;
            try
            {
                patch = KubectlPatches.TwoWay(live, changed, target.Kind.ApiVersion, target.Kind.Kind);
            }
            catch (KubeException e)
            {
                (errors, previous, body) = (new List<string> { e.Message }, edited, edited);
                continue;
            }
            if (patch.IsEmpty)
                return Cancelled(file, "Edit cancelled, no changes made.");

            try
            {
                var patched = await _client.PatchAsync(target.Kind, target.Namespace, target.Name, patch.PatchType, patch.Text,
                    new WriteQuery { FieldManager = "kubectl-edit", FieldValidation = "Strict" }, cancel).ConfigureAwait(false);
                File.Delete(file);
                return new EditOutcome(ChangeResult.Slashed(target.Kind, target.Namespace, target.Name, "edited", DryRunMode.None, null,
                    KubeResourceClient.ToObject(target.Kind, patched)), null);
            }
            catch (KubeApiException e) when ((int)e.StatusCode is 400 or 422)
            {
                (errors, previous, body) = (InvalidReasons(target, e), edited, edited);
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                throw Kept($"{target.Kind.QualifiedPlural} \"{target.Name}\" could not be found on the server",
                    file, e.ErrorId, e.Category, target, e);
            }
            catch (KubeApiException e)
            {
                throw Kept($"{target.Kind.QualifiedPlural} \"{target.Name}\" could not be patched: {e.Message}", file, e.ErrorId, e.Category, target, e);
            }
        }
    }

    /// <summary>kubectl's header for a refused edit: the object, then one "* field: message" line per cause.</summary>
    public static List<string> InvalidReasons(ObjectTarget target, KubeApiException e)
    {
        var lines = new List<string> { $"{target.Kind.QualifiedPlural} \"{target.Name}\" was not valid:" };
        var causes = e.Details?.Causes ?? [];
        if (causes.Count == 0)
            lines.Add($"* {e.Message}");
        foreach (var cause in causes)
            lines.Add(string.IsNullOrEmpty(cause.Field) ? $"* {cause.Message}" : $"* {cause.Field}: {cause.Message}");
        return lines;
    }

    private static EditOutcome Cancelled(string file, string notice)
    {
        File.Delete(file);
        return new EditOutcome(null, notice);
    }

    private static KubeException Kept(string message, string file, string errorId, System.Management.Automation.ErrorCategory category,
        ObjectTarget target, Exception? inner = null) =>
        new($"{message}. A copy of your changes has been stored to \"{file}\"", errorId, category, target.Describe(), inner,
            $"Fix the file and apply it with Publish-KubeResource -Path '{file}', or run Edit-KubeResource again.");
}
