<#
.SYNOPSIS
    Throughput of one forwarded connection: 100 MB read from a pod port through Start-KubePortForward
    (one WebSocket, v4.channel.k8s.io) against kubectl port-forward (kubectl 1.33: SPDY tunnelled in a
    WebSocket; kubectl 1.28: plain SPDY) on the same sandbox, in one run (MB/s; not a timed test).
.EXAMPLE
    dotnet pwsh ./build.ps1 bench -Filter PortForward
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/PracticeK8s/PracticeK8s.psd1'),
    [int] $Megabytes = 100,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$work = Join-Path ([IO.Path]::GetTempPath()) "practicek8s-bench-$PID"
$null = New-Item -ItemType Directory $work
$env:KUBECONFIG = Join-Path $work 'kubeconfig'
$env:PRACTICEK8S_HOME = Join-Path $work 'home'
$sandbox = Start-KubeSandbox -WarningAction SilentlyContinue
$kubectlArgs = @('--kubeconfig', $sandbox.SandboxKubeconfig, '--cache-dir', (Join-Path $work 'kubectl-cache'))

function Read-Port([int] $Port) {
    # Reads until the server closes; returns MB/s.
    $client = [System.Net.Sockets.TcpClient]::new()
    $client.Connect('127.0.0.1', $Port)
    $stream = $client.GetStream()
    $buffer = [byte[]]::new(256KB)
    $total = 0
    $clock = [Diagnostics.Stopwatch]::StartNew()
    while (($n = $stream.Read($buffer, 0, $buffer.Length)) -gt 0) { $total += $n }
    $clock.Stop()
    $client.Dispose()
    if ($total -ne $Megabytes * 1MB) { throw "read $total bytes, expected $($Megabytes * 1MB)" }
    $total / 1MB / $clock.Elapsed.TotalSeconds
}

function Measure-Kubectl([string] $Kubectl, [hashtable] $Environment = @{}) {
    $port = Get-Random -Minimum 30000 -Maximum 40000
    $info = [Diagnostics.ProcessStartInfo]::new($Kubectl)
    foreach ($a in $kubectlArgs + @('port-forward', '-n', 'bench', 'pod/blob', "${port}:9000")) { $info.ArgumentList.Add($a) }
    foreach ($k in $Environment.Keys) { $info.Environment[$k] = $Environment[$k] }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($info)
    try {
        $line = $process.StandardOutput.ReadLine()   # Forwarding from 127.0.0.1:PORT -> 9000
        if ($line -notmatch 'Forwarding from') { throw "kubectl port-forward: $line $($process.StandardError.ReadToEnd())" }
        1..$Runs | ForEach-Object { Read-Port $port }
    }
    finally { $process.Kill(); $process.WaitForExit() }
}

try {
    kubectl @kubectlArgs create namespace bench | Out-Null
    # A pod (host tools in a busybox container) that sends $Megabytes MB to each connection and closes it.
    $server = "import socket`ns=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', 9000)); s.listen(8)`nchunk=b'x'*1048576`nwhile True:`n  c,_=s.accept()`n  [c.sendall(chunk) for _ in range($Megabytes)]`n  c.close()"
    $pod = @{ apiVersion = 'v1'; kind = 'Pod'; metadata = @{ name = 'blob'; namespace = 'bench' }
        spec = @{ containers = @(@{ name = 'blob'; image = 'busybox'; command = @('python3', '-c', $server); ports = @(@{ containerPort = 9000 }) }) } }
    $pod | ConvertTo-Json -Depth 8 | kubectl @kubectlArgs apply -f - | Out-Null
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ((kubectl @kubectlArgs get pod blob -n bench -o 'jsonpath={.status.phase}') -ne 'Running') {
        if ([DateTime]::UtcNow -gt $deadline) { throw 'pod blob never ran' }
        Start-Sleep -Milliseconds 200
    }
    Start-Sleep -Seconds 1   # the server binds after the process starts

    $pf = Start-KubePortForward blob -Namespace bench -Port 0:9000
    $ours = 1..$Runs | ForEach-Object { Read-Port $pf.LocalPorts[0] }
    $pf | Stop-KubePortForward
    $results = [ordered]@{ 'Start-KubePortForward (WebSocket v4.channel.k8s.io)' = $ours }
    $kubectl133 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'
    $kubectl128 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.28'
    if (Test-Path $kubectl133) { $results['kubectl 1.33 (SPDY in WebSocket)'] = Measure-Kubectl $kubectl133 }
    if (Test-Path $kubectl128) { $results['kubectl 1.28 (SPDY/3.1)'] = Measure-Kubectl $kubectl128 }
    foreach ($name in $results.Keys) {
        $rates = @($results[$name])
        '{0,-52} best {1,7:N1} MB/s   runs {2}' -f $name, ($rates | Measure-Object -Maximum).Maximum, (($rates | ForEach-Object { '{0:N1}' -f $_ }) -join ', ')
    }
}
finally {
    Stop-KubePortForward -All -Confirm:$false -ErrorAction SilentlyContinue
    Stop-KubeSandbox -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
