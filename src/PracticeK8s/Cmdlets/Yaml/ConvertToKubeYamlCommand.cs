using System.Management.Automation;
using PracticeK8s.Engine.Yaml;

namespace PracticeK8s.Cmdlets.Yaml;

/// <summary>Writes API objects (or hashtables / PSCustomObjects) as Kubernetes YAML, several as a multi-document stream.</summary>
[Cmdlet(VerbsData.ConvertTo, "KubeYaml")]
[OutputType(typeof(string))]
public sealed class ConvertToKubeYamlCommand : PSCmdlet
{
    private readonly List<object?> _objects = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>Drop what the server fills in (status, uid, resourceVersion, managedFields, ...) so the YAML can be applied.</summary>
    [Parameter]
    public SwitchParameter ForApply { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is PSObject { BaseObject: object[] array })
            _objects.AddRange(array);
        else if (InputObject is object[] items)
            _objects.AddRange(items);
        else
            _objects.Add(InputObject);
    }

    protected override void EndProcessing()
    {
        if (_objects.Count == 0)
            return;
        try
        {
            WriteObject(KubeYaml.ToYaml(_objects, ForApply));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "KubeYamlConversionFailed", ErrorCategory.InvalidData, null));
        }
    }
}
