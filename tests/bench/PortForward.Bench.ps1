<#
.SYNOPSIS
    Throughput of one connection through `kubectl port-forward` to a sandbox pod: MB/s for a 100 MB
    download from an nginx pod, with kubectl 1.33 (SPDY tunneled in a WebSocket, and plain SPDY with
    KUBECTL_PORT_FORWARD_WEBSOCKETS=false) and kubectl 1.28 (plain SPDY), and through the module's
    Start-KubePortForward (one WebSocket per connection, v4.channel.k8s.io) on the same sandbox.
.DESCRIPTION
    Starts its own temporary sandbox, writes a 100 MB file into the nginx pod's html dir (kubectl
    exec + dd), then for each kubectl runs `port-forward pod/web 0:80` and times one HTTP GET of the
    file through the local port; the same through Start-KubePortForward pod/web 0:80. Prints one
    line per client (best of -Tries). Not part of the
    pass/fail test suite.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Megabytes = 100,
    [int] $Tries = 3
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$work = Join-Path ([IO.Path]::GetTempPath()) "practicek8s-pfbench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
$env:KUBECONFIG = Join-Path $work 'kubeconfig'
$env:PRACTICEK8S_HOME = Join-Path $work 'home'
$kubectls = @(
    @{ Label = 'kubectl 1.33 (WebSocket tunnel)'; Path = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'; WebSockets = $null }
    @{ Label = 'kubectl 1.33 (plain SPDY)'; Path = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'; WebSockets = 'false' }
    @{ Label = 'kubectl 1.28 (plain SPDY)'; Path = '/usr/lib/google-cloud-sdk/bin/kubectl.1.28'; WebSockets = $null }
)

function Measure-Download([int] $Port) {
    $http = [System.Net.Http.HttpClient]::new()
    $http.Timeout = [TimeSpan]::FromMinutes(2)
    try {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $response = $http.GetAsync("http://127.0.0.1:$Port/big", [System.Net.Http.HttpCompletionOption]::ResponseHeadersRead).GetAwaiter().GetResult()
        $stream = $response.Content.ReadAsStreamAsync().GetAwaiter().GetResult()
        $buffer = [byte[]]::new(1MB)
        $total = 0
        while (($n = $stream.Read($buffer, 0, $buffer.Length)) -gt 0) { $total += $n }
        $seconds = $clock.Elapsed.TotalSeconds
        if ($total -ne $Megabytes * 1MB) { throw "downloaded $total bytes, expected $($Megabytes * 1MB)" }
        $total / 1MB / $seconds
    }
    finally { $http.Dispose() }
}

$info = Start-KubeSandbox -Name "pfbench-$PID" -Temporary -WarningAction SilentlyContinue
try {
    $kubeconfig = $info.SandboxKubeconfig
    & kubectl --kubeconfig $kubeconfig run web --image=nginx | Out-Null
    & kubectl --kubeconfig $kubeconfig wait --for=condition=Ready pod/web --timeout=60s | Out-Null
    & kubectl --kubeconfig $kubeconfig exec web -- dd if=/dev/zero of=/usr/share/nginx/html/big bs=1M count=$Megabytes 2>$null
    $forward = Start-KubePortForward pod/web -Context $info.Context -Namespace default -Port 0:80
    try {
        $rates = foreach ($i in 1..$Tries) { Measure-Download $forward.LocalPorts[0] }
        Write-Host ('{0,-36} best {1,6:F1} MB/s  (tries: {2})' -f 'Start-KubePortForward (WebSocket)', ($rates | Measure-Object -Maximum).Maximum,
            (($rates | ForEach-Object { '{0:F1}' -f $_ }) -join ', '))
    }
    finally { $forward | Stop-KubePortForward }
    foreach ($k in $kubectls) {
        if (-not (Test-Path $k.Path)) { Write-Host ('{0,-36} not installed' -f $k.Label); continue }
        $psi = [Diagnostics.ProcessStartInfo]::new($k.Path)
        foreach ($a in '--kubeconfig', $kubeconfig, 'port-forward', 'pod/web', '0:80') { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        if ($k.WebSockets) { $psi.Environment['KUBECTL_PORT_FORWARD_WEBSOCKETS'] = $k.WebSockets }
        $process = [Diagnostics.Process]::Start($psi)
        try {
            $line = $process.StandardOutput.ReadLine()
            if ($line -notmatch '127\.0\.0\.1:(\d+)') { throw "kubectl did not forward: $line $($process.StandardError.ReadToEnd())" }
            $port = [int]$Matches[1]
            $rates = foreach ($i in 1..$Tries) { Measure-Download $port }
            Write-Host ('{0,-36} best {1,6:F1} MB/s  (tries: {2})' -f $k.Label, ($rates | Measure-Object -Maximum).Maximum,
                (($rates | ForEach-Object { '{0:F1}' -f $_ }) -join ', '))
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.WaitForExit(5000) | Out-Null
            $process.Dispose()
        }
    }
}
finally {
    Stop-KubeSandbox -Name $info.Name -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
