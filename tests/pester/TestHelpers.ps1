# Shared by the Pester files: where the module is, how to start a child pwsh, kubeconfig fixtures.

$script:ModulePath = $env:PRACTICEK8S_MODULE
if (-not $script:ModulePath) {
    $script:ModulePath = Join-Path $PSScriptRoot '../../out/PracticeK8s/PracticeK8s.psd1'
}

function Get-TestPwsh {
    # The command line that starts this same PowerShell (a dotnet tool runs as 'dotnet pwsh.dll').
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($process)
}

function Invoke-ChildPwsh([string] $Script, [hashtable] $Environment = @{}) {
    # Runs a script in a fresh pwsh process (load contexts cannot be unloaded, so isolation and
    # session tests need their own process) and returns its output lines.
    $pwsh = Get-TestPwsh
    $saved = @{}
    foreach ($key in $Environment.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $Environment[$key]) }
    try {
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("`$PSStyle.OutputRendering = 'PlainText'`n" + $Script))
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
    }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
}

function New-TestKubeconfig {
    # Writes a kubeconfig with the given contexts; each context gets its own cluster and user.
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [object[]] $Contexts,
        [string] $Current = '',
        [string] $Server = 'https://127.0.0.1:6443'
    )
    $clusters = ($Contexts | ForEach-Object { "- name: $($_.Cluster)`n  cluster:`n    server: $(if ($_.Server) { $_.Server } else { $Server })`n    insecure-skip-tls-verify: true" }) -join "`n"
    $users = ($Contexts | ForEach-Object { "- name: $($_.User)`n  user:`n    token: token-of-$($_.User)" }) -join "`n"
    $contextsText = ($Contexts | ForEach-Object {
            $ns = if ($_.Namespace) { "`n    namespace: $($_.Namespace)" } else { '' }
            "- name: $($_.Name)`n  context:`n    cluster: $($_.Cluster)`n    user: $($_.User)$ns"
        }) -join "`n"
    $text = "apiVersion: v1`nkind: Config`npreferences: {}`nclusters:`n$clusters`nusers:`n$users`ncontexts:`n$contextsText`ncurrent-context: $Current`n"
    Set-Content -Path $Path -Value $text -NoNewline
    if (-not $IsWindows) { chmod 600 $Path }
    $Path
}

function Get-KubectlPath {
    # The kubectl build that matches the sandbox (the dispatcher probes /version first; for
    # commands that never contact a server, call the versioned build directly).
    $direct = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
    if (Test-Path $direct) { return $direct }
    (Get-Command kubectl -ErrorAction Stop).Source
}

function ConvertFrom-TableText {
    # Splits a left-aligned table into rows of cells by the header's column positions; blank lines
    # and the dashes line PowerShell prints under headers are dropped. Without -Headers the header
    # names are found by splitting on two or more spaces (kubectl pads columns with three); pass the
    # names kubectl printed to read a PowerShell table, whose columns may be one space apart.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text, [string[]] $Headers)
    $lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() -and $_ -notmatch '^[\s-]+$' })
    if ($lines.Count -eq 0) { return }
    $header = $lines[0]
    if (-not $Headers) { $Headers = @($header.Trim() -split '\s{2,}') }
    $starts = @()
    $from = 0
    foreach ($name in $Headers) {
        $at = $header.IndexOf($name, $from, [StringComparison]::Ordinal)
        if ($at -lt 0) { throw "header '$name' not found in '$header'" }
        $starts += $at
        $from = $at + $name.Length
    }
    foreach ($line in $lines) {
        $cells = for ($i = 0; $i -lt $starts.Count; $i++) {
            $begin = $starts[$i]
            $end = if ($i + 1 -lt $starts.Count) { [Math]::Min($starts[$i + 1], $line.Length) } else { $line.Length }
            if ($begin -ge $line.Length) { '' } else { $line.Substring($begin, $end - $begin).Trim() }
        }
        , @($cells)
    }
}

function Start-TestSandbox {
    # A fresh sandbox for one test file: its own kubeconfig, state folder and kubectl cache, so the
    # user's ~/.kube/config is never touched. Returns the sandbox info plus the kubectl arguments.
    # The root is not under TestDrive: Pester deletes what appeared in TestDrive during a Describe
    # when the Describe ends, racing the running sandbox (a pod's folder it removes at that moment
    # fails the whole file). Stop-TestSandbox removes it.
    param([string] $Root, [string] $Isolation)
    if (-not $Root) {
        $Root = Join-Path ([IO.Path]::GetTempPath()) "pk8s-pester-$([guid]::NewGuid().ToString('N'))"
        $null = [IO.Directory]::CreateDirectory($Root, [IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
        $script:TestSandboxRoot = $Root
    }
    $env:KUBECONFIG = Join-Path $Root 'kubeconfig'
    $env:PRACTICEK8S_HOME = Join-Path $Root 'practicek8s-home'
    $options = @{}
    if ($Isolation) { $options.Isolation = $Isolation }
    $info = Start-KubeSandbox @options -ErrorAction Stop -WarningAction SilentlyContinue
    $script:KubectlArgs = @('--kubeconfig', $info.SandboxKubeconfig, '--cache-dir', (Join-Path $Root 'kubectl-cache'))
    $info
}

function Stop-TestSandbox {
    Stop-KubeSandbox -Confirm:$false -ErrorAction SilentlyContinue
    if ($script:TestSandboxRoot) {
        Remove-Item -LiteralPath $script:TestSandboxRoot -Recurse -Force -ErrorAction SilentlyContinue
        $script:TestSandboxRoot = $null
    }
}

function Invoke-Kubectl {
    # Stock kubectl against the test sandbox (plain $args, so kubectl's -o, -n, -f pass through);
    # throws on a non-zero exit. Invoke-KubectlRaw returns output and exit code instead.
    $result = Invoke-KubectlRaw @args
    if ($result.ExitCode -ne 0) { throw "kubectl $($args -join ' ') failed ($($result.ExitCode)): $($result.Output -join "`n")" }
    $result.Output
}

function Invoke-KubectlRaw {
    $kubectl = (Get-Command kubectl -ErrorAction Stop).Source
    $output = & $kubectl @script:KubectlArgs @args 2>&1 | ForEach-Object { "$_" }
    [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
}

function Test-Exists([string] $Kind, [string] $Name, [string] $Namespace) {
    # Whether kubectl finds the object (namespaced when -Namespace is given).
    $arguments = @('get', $Kind, $Name, '-o', 'name')
    if ($Namespace) { $arguments += @('-n', $Namespace) }
    (Invoke-KubectlRaw @arguments).ExitCode -eq 0
}

function Invoke-KubectlApply([string] $Yaml) {
    $file = [IO.Path]::GetTempFileName() + '.yaml'
    Set-Content -Path $file -Value $Yaml
    try { Invoke-Kubectl apply --validate=false -f $file } finally { Remove-Item $file }
}

function Assert-SameTable {
    # Compares a PowerShell table with kubectl's: same headers, same cells, same order; AGE-like
    # cells (durations) may differ by a couple of seconds because the two were printed apart.
    param([Parameter(Mandatory)] [string] $Ours, [Parameter(Mandatory)] [string] $Kubectl)
    $theirRows = @(ConvertFrom-TableText $Kubectl)
    $theirRows.Count | Should -BeGreaterThan 0 -Because 'kubectl printed a table'
    $headers = $theirRows[0]
    $ourRows = @(ConvertFrom-TableText $Ours -Headers $headers)
    $ourRows.Count | Should -Be $theirRows.Count -Because "both list the same objects`nours:`n$Ours`nkubectl:`n$Kubectl"
    for ($r = 0; $r -lt $theirRows.Count; $r++) {
        for ($c = 0; $c -lt $headers.Count; $c++) {
            $mine = $ourRows[$r][$c]; $theirs = $theirRows[$r][$c]
            if ($mine -ne $theirs -and (ConvertTo-Seconds $mine) -ge 0 -and [Math]::Abs((ConvertTo-Seconds $mine) - (ConvertTo-Seconds $theirs)) -le 3) { continue }
            $mine | Should -BeExactly $theirs -Because "row $r column $($headers[$c])`nours:`n$Ours`nkubectl:`n$Kubectl"
        }
    }
}

function ConvertTo-Seconds([string] $Text) {
    # kubectl's short durations (5s, 2m3s, 4h, 3d) in seconds; -1 when the text is not one.
    if ($Text -notmatch '^(\d+d)?(\d+h)?(\d+m)?(\d+s)?$' -or -not $Text) { return -1 }
    $total = 0
    foreach ($m in [regex]::Matches($Text, '(\d+)([dhms])')) {
        $n = [int]$m.Groups[1].Value
        $total += switch ($m.Groups[2].Value) { 'd' { $n * 86400 } 'h' { $n * 3600 } 'm' { $n * 60 } 's' { $n } }
    }
    $total
}

function New-FixtureObjects {
    # Creates, with kubectl, the objects of fixtures/objects.yaml in a namespace, plus an event about pod web-a.
    param([Parameter(Mandatory)] [string] $Namespace)
    Invoke-KubectlApply ((Get-Content (Join-Path $PSScriptRoot 'fixtures/objects.yaml') -Raw) -replace '__NS__', $Namespace) | Out-Null
    $uid = Invoke-Kubectl get pod web-a -n $Namespace -o jsonpath='{.metadata.uid}'
    Invoke-KubectlApply ((Get-Content (Join-Path $PSScriptRoot 'fixtures/event.yaml') -Raw) -replace '__NS__', $Namespace -replace '__UID__', $uid) | Out-Null
    # Let the scheduler and kubelet settle the pods that can run (web-a is bound to n1, which has no kubelet),
    # so kubectl and the cmdlets see the same state.
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    do {
        $phases = Invoke-Kubectl get pods web-b lonely -n $Namespace -o jsonpath='{.items[*].status.containerStatuses[*].ready}'
        if ("$phases" -eq 'true true') { break }
        Start-Sleep -Milliseconds 200
    } while ([DateTime]::UtcNow -lt $deadline)
}

function Join-WrappedLines {
    # PowerShell breaks a printed line longer than the output width into rows of exactly that width;
    # a terminal wraps kubectl's long lines at the same place without a line break. Joins such rows
    # back into the lines kubectl wrote.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text, [Parameter(Mandatory)] [int] $Width)
    $result = [System.Collections.Generic.List[string]]::new()
    $current = $null
    foreach ($row in $Text -split "`r?`n") {
        $current = if ($null -eq $current) { $row } else { $current + $row }
        if ($row.Length -ne $Width) { $result.Add($current); $current = $null }
    }
    if ($null -ne $current) { $result.Add($current) }
    $result -join "`n"
}

function Get-ColumnStarts([string] $HeaderLine) {
    # Where each column of a kubectl-style header starts (headers are separated by 2+ spaces; kubectl pads with 3).
    @([regex]::Matches($HeaderLine, '(?<=^|\s{2})\S') | ForEach-Object Index)
}
