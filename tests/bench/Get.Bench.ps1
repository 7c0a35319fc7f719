<#
.SYNOPSIS
    Benchmarks of the read cmdlets against kubectl on one sandbox, in one run (ratios, not timed tests):
    list and render N pods (Get-KubePod -AllNamespaces | Out-String) against `kubectl get pods -A`,
    the API JSON of N pods (Get-KubePod -AllNamespaces | ConvertTo-Json) against `kubectl get pods -A -o json`,
    and 200 single-pod gets in one PowerShell against 200 `kubectl get pod X -o json | ConvertFrom-Json`.
.EXAMPLE
    dotnet pwsh ./build.ps1 bench -Filter Get
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/PracticeK8s/PracticeK8s.psd1'),
    [int] $PodCount = 10000,
    [int] $SingleGets = 200
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$work = Join-Path ([IO.Path]::GetTempPath()) "practicek8s-bench-$PID"
$null = New-Item -ItemType Directory $work
$env:KUBECONFIG = Join-Path $work 'kubeconfig'
$env:PRACTICEK8S_HOME = Join-Path $work 'home'
$sandbox = Start-KubeSandbox
$kubectl = (Get-Command kubectl).Source
$kubectlArgs = @('--kubeconfig', $sandbox.SandboxKubeconfig, '--cache-dir', (Join-Path $work 'kubectl-cache'))
$token = (Get-Content (Join-Path $sandbox.DataDir 'sandbox.json') -Raw | ConvertFrom-Json).adminToken

try {
    Write-Host "creating $PodCount pods in 10 namespaces..."
    $created = [Diagnostics.Stopwatch]::StartNew()
    0..9 | ForEach-Object {
        $body = @{ apiVersion = 'v1'; kind = 'Namespace'; metadata = @{ name = "bench-$_" } } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Url)/api/v1/namespaces" -Body $body -ContentType 'application/json' `
            -Headers @{ Authorization = "Bearer $token" } -SkipCertificateCheck
    }
    1..$PodCount | ForEach-Object -ThrottleLimit 8 -Parallel {
        $ns = "bench-$($_ % 10)"
        $body = @{
            apiVersion = 'v1'; kind = 'Pod'
            metadata   = @{ name = "pod-$_"; namespace = $ns; labels = @{ app = 'bench' } }
            spec       = @{ containers = @(@{ name = 'c'; image = 'nginx' }) }
        } | ConvertTo-Json -Depth 6
        $null = Invoke-RestMethod -Method Post -Uri "$($using:sandbox.Url)/api/v1/namespaces/$ns/pods" -Body $body -ContentType 'application/json' `
            -Headers @{ Authorization = "Bearer $($using:token)" } -SkipCertificateCheck
    }
    Write-Host ("created in {0:0.0} s" -f $created.Elapsed.TotalSeconds)

    # Warm both sides once (discovery caches, JIT), then measure.
    $null = & $kubectl @kubectlArgs get pods -A
    $null = Get-KubePod -AllNamespaces | Select-Object -First 1 | Out-String

    # The machine may be busy: interleave the two and keep the median of three runs each.
    function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][Math]::Floor($values.Count / 2)] }
    $results = [ordered]@{}
    $before = [GC]::GetTotalMemory($true)
    $kubectlRuns = @(); $ourRuns = @()
    foreach ($run in 1..3) {
        $kubectlRuns += (Measure-Command { & $kubectl @kubectlArgs get pods -A | Out-Null }).TotalSeconds
        $ourRuns += (Measure-Command { Get-KubePod -AllNamespaces | Out-String -Width 200 -Stream | Out-Null }).TotalSeconds
    }
    $kubectlList = [TimeSpan]::FromSeconds((Get-Median $kubectlRuns))
    $ourList = [TimeSpan]::FromSeconds((Get-Median $ourRuns))
    $peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
    $streamed = Measure-Command { $count = (Get-KubePod -AllNamespaces | Measure-Object).Count }
    $results['list+render pods: kubectl get pods -A (s)'] = [Math]::Round($kubectlList.TotalSeconds, 2)
    $results['list+render pods: Get-KubePod -A | Out-String (s)'] = [Math]::Round($ourList.TotalSeconds, 2)
    $results['list+render ratio (ours / kubectl)'] = [Math]::Round($ourList.TotalSeconds / $kubectlList.TotalSeconds, 2)
    $results['list only, objects counted (s)'] = [Math]::Round($streamed.TotalSeconds, 2)
    $results['objects listed'] = $count
    $results['managed heap before listing (MB)'] = [Math]::Round($before / 1MB, 1)
    $results['process peak working set (MB)'] = [Math]::Round($peak / 1MB, 1)

    # The API JSON of every pod: kubectl's -o json against ConvertTo-Json of the objects (written whole at the default -Depth).
    $kubectlJson = Measure-Command { & $kubectl @kubectlArgs get pods -A -o json | Out-Null }
    $ourJson = Measure-Command { Get-KubePod -AllNamespaces | ConvertTo-Json | Out-Null }
    $results['JSON of all pods: kubectl get pods -A -o json (s)'] = [Math]::Round($kubectlJson.TotalSeconds, 2)
    $results['JSON of all pods: Get-KubePod -A | ConvertTo-Json (s)'] = [Math]::Round($ourJson.TotalSeconds, 2)
    $results['JSON ratio (ours / kubectl)'] = [Math]::Round($ourJson.TotalSeconds / $kubectlJson.TotalSeconds, 2)

    $names = 1..$SingleGets | ForEach-Object { "pod-$($_ * 10)" }
    $kubectlGets = Measure-Command {
        foreach ($name in $names) { $null = & $kubectl @kubectlArgs get pod $name -n bench-0 -o json | ConvertFrom-Json }
    }
    # A fresh session, so the first call's client set-up counts as it would for a user.
    $ourGets = Measure-Command {
        $null = & { Import-Module $ModulePath -Force; foreach ($name in $names) { $null = Get-KubePod $name -Namespace bench-0 } }
    }
    $results["$SingleGets single gets: kubectl -o json | ConvertFrom-Json (s)"] = [Math]::Round($kubectlGets.TotalSeconds, 2)
    $results["$SingleGets single gets: Get-KubePod (s)"] = [Math]::Round($ourGets.TotalSeconds, 2)
    $results['single gets ratio (kubectl / ours)'] = [Math]::Round($kubectlGets.TotalSeconds / $ourGets.TotalSeconds, 1)
    [pscustomobject]$results | Format-List
}
finally {
    Stop-KubeSandbox -Confirm:$false
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
