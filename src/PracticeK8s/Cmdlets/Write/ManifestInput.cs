using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Text;
using System.Text.Json.Nodes;
using PracticeK8s.Engine.Apply;
using PracticeK8s.Engine.Errors;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Cmdlets.Write;

/// <summary>
/// Collects the objects of a -Path/-Yaml/pipeline command (Publish-KubeResource, Remove-KubeResource -Path):
/// paths resolved on the pipeline thread (wildcards, the current location), files read whole,
/// piped strings joined into one YAML stream, piped files read as files, piped objects converted
/// to JSON without what the server filled in. Problems become error records, one per file.
/// </summary>
internal sealed class ManifestInput
{
    private readonly string _verb;
    private readonly List<ManifestObject> _objects = [];
    private readonly List<ErrorRecord> _errors = [];
    private readonly StringBuilder _pipedText = new();
    private readonly List<string> _files = [];
    private int _pipedObjects;

    public ManifestInput(string verb) => _verb = verb;

    public IReadOnlyList<ManifestObject> Objects => _objects;
    public int ErrorCount { get; private set; }

    /// <summary>Resolves -Path patterns (pipeline thread only: it uses the session's provider paths).</summary>
    public void ResolvePaths(PSCmdlet cmdlet, IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern == "-")
            {
                _files.Add("-");
                continue;
            }
            try
            {
                Collection<string> resolved = cmdlet.GetResolvedProviderPathFromPSPath(pattern, out var provider);
                if (provider.Name != "FileSystem")
                    throw new KubeException($"\"{pattern}\" is not a file system path", "KubeManifestNotFound", ErrorCategory.InvalidArgument, pattern);
                _files.AddRange(resolved);
            }
            catch (ItemNotFoundException)
            {
                AddError(new KubeException($"the path \"{pattern}\" does not exist", "KubeManifestNotFound", ErrorCategory.ObjectNotFound, pattern)
                    .ToErrorRecord(pattern));
            }
            catch (KubeException e)
            {
                AddError(e.ToErrorRecord(pattern));
            }
        }
    }

    public void AddFile(string path) => _files.Add(path);

    /// <summary>Reads the files resolved so far (worker thread is fine); a file with any problem contributes nothing.</summary>
    public void ReadPendingFiles(bool recurse)
    {
        foreach (var file in _files)
        {
            try
            {
                if (file == "-")
                {
                    _objects.AddRange(ManifestReader.Read(Console.In.ReadToEnd(), "standard input", verb: _verb));
                    continue;
                }
                foreach (var path in ManifestReader.ExpandPath(file, recurse))
                    _objects.AddRange(ManifestReader.ReadFile(path, _verb));
            }
            catch (KubeException e)
            {
                AddError(e.ToErrorRecord(file));
            }
            catch (IOException e)
            {
                AddError(new ErrorRecord(e, "KubeManifestUnreadable", ErrorCategory.ReadError, file));
            }
            catch (UnauthorizedAccessException e)
            {
                AddError(new ErrorRecord(e, "KubeManifestUnreadable", ErrorCategory.PermissionDenied, file));
            }
        }
        _files.Clear();
    }

    public void AddYaml(string text, string sourceName)
    {
        try
        {
            _objects.AddRange(ManifestReader.Read(text, sourceName, verb: _verb));
        }
        catch (KubeException e)
        {
            AddError(e.ToErrorRecord(sourceName));
        }
    }

    /// <summary>A piped value: a file, YAML text (joined with the other piped lines), or an API object.</summary>
    public void AddPiped(PSObject input)
    {
        switch (input.BaseObject)
        {
            case FileInfo file:
                _files.Add(file.FullName);
                return;
            case DirectoryInfo directory:
                _files.Add(directory.FullName);
                return;
            case string text:
                _pipedText.Append(text).Append('\n');
                return;
        }
        _pipedObjects++;
        var source = new ManifestSource("the pipeline", _pipedObjects);
        try
        {
            var json = PSObjectJson.ToJson(input) as JsonObject;
            if (json is null || !(json.ContainsKey("kind") || json.ContainsKey("apiVersion") || json.ContainsKey("metadata")))
            {
                // Not an API object; something naming a file (Get-Item output passed through Select-Object) still works.
                if (input.Properties["FullName"]?.Value is string fullName)
                {
                    _files.Add(fullName);
                    return;
                }
                throw new KubeException($"the input ({input.BaseObject.GetType().Name}) is not a Kubernetes object: it has no apiVersion, kind or metadata",
                    "KubeInputInvalid", ErrorCategory.InvalidArgument, input);
            }
            // A list (kubectl get -o json | ConvertFrom-Json) stands for its items.
            var items = json["kind"]?.GetValue<string>() is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && json["items"] is JsonArray list
                ? list.OfType<JsonObject>().ToList()
                : [json];
            foreach (var item in items)
                _objects.Add(ManifestReader.FromObject((JsonObject)KubeYaml.ForApply(item)!, source, _verb));
        }
        catch (KubeException e)
        {
            AddError(e.ToErrorRecord(input));
        }
        catch (InvalidOperationException e)
        {
            AddError(new ErrorRecord(e, "KubeInputInvalid", ErrorCategory.InvalidArgument, input));
        }
    }

    /// <summary>Parses the piped text, once all of it has arrived.</summary>
    public void FinishPipedText()
    {
        if (_pipedText.Length == 0)
            return;
        AddYaml(_pipedText.ToString(), "the piped text");
        _pipedText.Clear();
    }

    /// <summary>The errors gathered since the last call, to be written by the cmdlet.</summary>
    public IReadOnlyList<ErrorRecord> TakeErrors()
    {
        var errors = _errors.ToList();
        _errors.Clear();
        return errors;
    }

    private void AddError(ErrorRecord error)
    {
        _errors.Add(error);
        ErrorCount++;
    }
}
