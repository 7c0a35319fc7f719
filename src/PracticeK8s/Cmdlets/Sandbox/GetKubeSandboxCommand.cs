using System.Management.Automation;
using PracticeK8s.Engine.Sandbox;

namespace PracticeK8s.Cmdlets.Sandbox;

/// <summary>Whether the practice cluster runs, where, and with which data dir and process.</summary>
[Cmdlet(VerbsCommon.Get, "KubeSandbox")]
[OutputType("PracticeK8s.Engine.Sandbox.SandboxInfo")]
public sealed class GetKubeSandboxCommand : PSCmdlet
{
    protected override void ProcessRecord() =>
        WriteObject(SandboxLauncher.Current() ?? new SandboxInfo { Running = false });
}
