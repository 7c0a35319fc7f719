using System.Management.Automation;
using PracticeK8s.Completion;
using PracticeK8s.Engine.Sandbox;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>The practice-cluster instances: name, status, address, process, data dir, start time.</summary>
[Cmdlet(VerbsCommon.Get, "KubeSandbox")]
[OutputType("PracticeK8s.Engine.Sandbox.SandboxInfo")]
public sealed class GetKubeSandboxCommand : PSCmdlet
{
    /// <summary>Only these instances (wildcards allowed).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SandboxNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var patterns = (Name ?? ["*"]).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (var info in SandboxLauncher.List().Where(i => patterns.Any(p => p.IsMatch(i.Name))))
            WriteObject(info);
        foreach (var name in Name ?? [])
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name) && SandboxLauncher.Get(name) is null)
                WriteError(new ErrorRecord(new ItemNotFoundException($"no sandbox is named '{name}'"), "KubeSandboxNotFound", ErrorCategory.ObjectNotFound, name));
        }
    }
}
