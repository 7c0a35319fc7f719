<#
.SYNOPSIS
    Restarts (kubectl rollout restart) every Deployment that has a pod which restarted more than
    -MaxRestarts times, and reports what it restarted.
.EXAMPLE
    ./Restart-FlappingDeployment.ps1 -Namespace shop -MaxRestarts 3 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $Namespace,
    [int] $MaxRestarts = 3
)

$parameters = @{}
if ($Namespace) { $parameters.Namespace = $Namespace }
foreach ($deployment in Get-KubeDeployment @parameters) {
    $flapping = @($deployment | Get-KubePod | Where-Object Restarts -gt $MaxRestarts)
    if ($flapping.Count -eq 0) { continue }
    if ($PSCmdlet.ShouldProcess("deployment $($deployment.Name)", "Restart ($($flapping.Count) pods restarted more than $MaxRestarts times)")) {
        $null = $deployment | Restart-KubeDeployment -Confirm:$false
        [pscustomobject]@{
            Deployment = $deployment.Name
            Namespace  = $deployment.Namespace
            Pods       = $flapping.Name -join ', '
            Restarts   = ($flapping | Measure-Object Restarts -Maximum).Maximum
        }
    }
}
