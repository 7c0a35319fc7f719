<#
.SYNOPSIS
    A morning health report of the cluster as an HTML page or a CSV file: nodes, workloads that are
    not ready, pods that restart, claims that are not bound, and recent warning events.
.EXAMPLE
    ./New-ClusterHealthReport.ps1 -Path ./health.html
.EXAMPLE
    ./New-ClusterHealthReport.ps1 -Path ./health.csv
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [int] $MaxRestarts = 3,
    [TimeSpan] $EventWindow = [TimeSpan]::FromHours(12)
)

$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $Area, [string] $Object, [bool] $Healthy, [string] $Detail) {
    $rows.Add([pscustomobject]@{ Area = $Area; Object = $Object; Healthy = $Healthy; Detail = $Detail })
}

foreach ($node in Get-KubeNode) {
    Add-Row 'Node' $node.Name ($node | Test-KubeNodeReady) "$($node.Status), $($node.Version)"
}
foreach ($check in Get-KubeResource deployments, statefulsets, daemonsets -AllNamespaces | Test-KubeResource -Detailed) {
    Add-Row $check.Kind "$($check.Namespace)/$($check.Name)" $check.Healthy $check.Reason
}
foreach ($pod in Get-KubePod -AllNamespaces | Where-Object Restarts -gt $MaxRestarts) {
    Add-Row 'Pod restarts' "$($pod.Namespace)/$($pod.Name)" $false "$($pod.RestartsText) restarts, $($pod.Status)"
}
foreach ($claim in Get-KubePersistentVolumeClaim -AllNamespaces | Where-Object Status -ne 'Bound') {
    Add-Row 'Claim' "$($claim.Namespace)/$($claim.Name)" $false $claim.Status
}
$since = [DateTime]::UtcNow - $EventWindow
foreach ($event in Get-KubeEvent -AllNamespaces -FieldSelector type=Warning | Where-Object { ($_.LastTimestamp ?? $_.EventTime ?? [DateTime]::UtcNow) -ge $since }) {
    Add-Row 'Warning event' "$($event.Namespace)/$($event.InvolvedObject.Kind)/$($event.InvolvedObject.Name)" $false "$($event.Reason): $($event.Message)"
}

if ($Path -like '*.csv') {
    $rows | Export-Csv -Path $Path -NoTypeInformation
}
else {
    $unhealthy = @($rows | Where-Object -Not Healthy).Count
    $title = "Cluster health $(Get-Date -Format 'yyyy-MM-dd HH:mm') - $unhealthy problem(s)"
    $rows | Sort-Object Healthy, Area, Object | ConvertTo-Html -Title $title -PreContent "<h1>$title</h1>" | Set-Content -Path $Path
}
Get-Item $Path
