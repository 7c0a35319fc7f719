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
