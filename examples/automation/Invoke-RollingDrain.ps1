<#
.SYNOPSIS
    Drains nodes one at a time for maintenance: drain, wait until every Deployment and StatefulSet
    that was healthy before is fully available again elsewhere, put the node back in service, go on
    with the next.
.EXAMPLE
    ./Invoke-RollingDrain.ps1 -Node worker-1, worker-2 -TimeoutSeconds 300
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [string[]] $Node = @((Get-KubeNode).Name),
    [int] $TimeoutSeconds = 300,
    # Run this between drain and uncordon (patching, a reboot...); it gets the node name.
    [scriptblock] $Maintenance = { param($name) Write-Verbose "maintenance of $name" }
)

function Get-HealthyWorkload {
    # Deployments and StatefulSets with every replica ready, as namespace/kind/name keys.
    Get-KubeResource deployments, statefulsets -AllNamespaces | Test-KubeResource -Detailed |
        Where-Object Healthy | ForEach-Object { "$($_.Namespace)/$($_.Kind)/$($_.Name)" }
}

foreach ($name in $Node) {
    if (-not $PSCmdlet.ShouldProcess("node $name", 'Drain, wait for workloads, uncordon')) { continue }
    # Wait only for what was healthy before the drain: a workload that was already broken would
    # otherwise hold up the whole maintenance.
    $expected = @(Get-HealthyWorkload)
    $summary = Suspend-KubeNode -Name $name -Drain -IgnoreDaemonSets -DeleteEmptyDirData -Timeout $TimeoutSeconds -Confirm:$false
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    do {
        $healthy = @(Get-HealthyWorkload)
        $notReady = @($expected | Where-Object { $_ -notin $healthy })
        if ($notReady.Count -eq 0) { break }
        Start-Sleep -Seconds 1
    } while ([DateTime]::UtcNow -lt $deadline)
    if ($notReady.Count -gt 0) {
        throw "workloads did not recover after draining ${name}: $($notReady -join '; '); node left cordoned"
    }
    & $Maintenance $name
    $null = Resume-KubeNode -Name $name -Confirm:$false
    [pscustomobject]@{ Node = $name; Evicted = @($summary.Evicted).Count; Uncordoned = $true }
}
