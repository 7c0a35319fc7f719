<#
.SYNOPSIS
    How long a 3-replica Deployment takes from `kubectl apply` to all pods Running and ready, on a
    sandbox with its default timings (and with --pod-start-delay set, to show it is configurable).
.DESCRIPTION
    Starts its own sandbox, warms kubectl's discovery and OpenAPI cache with one apply (as on any
    machine where kubectl ran before), then applies five Deployments one after another and prints
    each time and the median. Not part of the pass/fail test suite.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Tries = 5,
    # How the sandbox runs containers (Start-KubeSandbox -Isolation): compare None with Namespaces.
    [ValidateSet('Auto', 'Namespaces', 'None')] [string] $Isolation = 'None'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$work = Join-Path ([IO.Path]::GetTempPath()) "practicek8s-podstart-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
$env:KUBECONFIG = Join-Path $work 'kubeconfig'
$env:PRACTICEK8S_HOME = Join-Path $work 'home'
$kubectl = (Get-Command kubectl -ErrorAction Stop).Source

function Measure-PodStart([string] $Label, [string] $Kubeconfig) {
    $common = @('--kubeconfig', $Kubeconfig, '--cache-dir', (Join-Path $work 'kubectl-cache'))
    "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: warm}" | & $kubectl @common apply -f - | Out-Null
    $times = foreach ($i in 1..$Tries) {
        $file = Join-Path $work "hello-$i.yaml"
        Set-Content $file @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello-$i}
spec:
  replicas: 3
  selector: {matchLabels: {role: hello-$i}}
  template:
    metadata: {labels: {role: hello-$i}}
    spec: {containers: [{name: hello, image: "gcr.io/google-samples/hello-app:1.0", ports: [{containerPort: 8080}]}]}
"@
        $clock = [Diagnostics.Stopwatch]::StartNew()
        & $kubectl @common apply -f $file | Out-Null
        while ($clock.Elapsed.TotalSeconds -lt 30) {
            $pods = @(Get-KubePod -Selector "role=hello-$i")
            if ($pods.Count -eq 3 -and -not ($pods | Where-Object { $_.Status -ne 'Running' -or $_.Ready -ne '1/1' })) { break }
            Start-Sleep -Milliseconds 20
        }
        $clock.Elapsed.TotalMilliseconds
    }
    $sorted = @($times | Sort-Object)
    '{0,-34} median {1,6:F0} ms  (tries: {2})' -f $Label, $sorted[[int][Math]::Floor($sorted.Count / 2)], (($times | ForEach-Object { '{0:F0}' -f $_ }) -join ', ')
}

try {
    $info = Start-KubeSandbox -Isolation $Isolation
    Measure-PodStart "apply to 3/3 Running, defaults ($Isolation)" $info.SandboxKubeconfig
    Stop-KubeSandbox -Confirm:$false | Out-Null

    # The same with a slower simulated image pull: the sandbox server's --pod-start-delay flag.
    $dll = Join-Path (Split-Path $ModulePath) 'sandbox/PracticeK8s.Sandbox.dll'
    $data = Join-Path $work 'slow'
    $server = Start-Process dotnet -ArgumentList $dll, '--port', '0', '--data-dir', $data, '--pod-start-delay', '2s', '--isolation', $Isolation.ToLowerInvariant() -PassThru -RedirectStandardOutput (Join-Path $work 'slow.out')
    $kubeconfig = Join-Path $data 'kubeconfig'
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $kubeconfig) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    try {
        $env:KUBECONFIG = $kubeconfig
        Use-KubeContext (Get-KubeContext | Select-Object -First 1).Name | Out-Null
        Measure-PodStart "apply to 3/3 Running, delay 2s ($Isolation)" $kubeconfig
    }
    finally { Stop-Process -Id $server.Id -ErrorAction SilentlyContinue }
}
finally {
    Stop-KubeSandbox -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
