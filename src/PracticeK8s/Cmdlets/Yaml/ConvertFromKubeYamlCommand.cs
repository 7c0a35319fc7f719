using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Text;
using PracticeK8s.Engine.Presentation.Views;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Cmdlets.Yaml;

/// <summary>Reads Kubernetes YAML (one or many documents) into API objects.</summary>
[Cmdlet(VerbsData.ConvertFrom, "KubeYaml", DefaultParameterSetName = "Text")]
[OutputType("k8s.Models.V1Pod", "PracticeK8s.KubeObject")]
public sealed class ConvertFromKubeYamlCommand : PSCmdlet
{
    private readonly StringBuilder _text = new();

    /// <summary>YAML text; lines from Get-Content are joined before parsing, like ConvertFrom-Json.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Text")]
    [AllowEmptyString]
    public string InputObject { get; set; } = "";

    /// <summary>Files to read (wildcards allowed).</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Path", ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "Text")
        {
            if (_text.Length > 0)
                _text.Append('\n');
            _text.Append(InputObject);
            return;
        }
        foreach (var pattern in Path)
        {
            Collection<string> files;
            try
            {
                files = GetResolvedProviderPathFromPSPath(pattern, out _);
            }
            catch (ItemNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "KubeYamlFileNotFound", ErrorCategory.ObjectNotFound, pattern));
                continue;
            }
            foreach (var file in files)
            {
                string text;
                try
                {
                    text = Engine.Apply.ManifestReader.ReadText(file);
                }
                catch (Engine.Errors.KubeException e)
                {
                    WriteError(e.ToErrorRecord(file));
                    continue;
                }
                Emit(text, file);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == "Text")
            Emit(_text.ToString(), "the input text");
    }

    private void Emit(string text, string source)
    {
        IReadOnlyList<object> objects;
        try
        {
            objects = KubeYaml.FromYaml(text, source);
        }
        catch (KubeYamlException e)
        {
            WriteError(e.ToErrorRecord(source));
            return;
        }
        foreach (var obj in objects)
            WriteObject(ApiObjectViews.ForPipeline(obj));
    }
}
