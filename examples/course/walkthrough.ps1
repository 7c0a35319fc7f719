<#
.SYNOPSIS
    The course walkthrough (build.ps1 demo). For now it shows what exists: the module's commands
    and the contexts of a practice kubeconfig; the full course against the sandbox follows.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../../out/PracticeK8s/PracticeK8s.psd1'))

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$steps = [System.Collections.Generic.List[object]]::new()

function Invoke-Step([string] $Title, [string] $Command, [scriptblock] $Check) {
    Write-Host ""
    Write-Host "# $Command" -ForegroundColor Yellow
    try {
        $output = & ([scriptblock]::Create($Command))
        $output | Out-Host
        $ok = [bool](& $Check $output)
    }
    catch {
        Write-Host $_ -ForegroundColor Red
        $ok = $false
    }
    $steps.Add([pscustomobject]@{ Step = $Title; Result = if ($ok) { 'pass' } else { 'FAIL' } })
}

# A practice kubeconfig, so the user's own is never touched.
$saved = $env:KUBECONFIG
$practice = Join-Path ([IO.Path]::GetTempPath()) "practicek8s-demo-$PID.yaml"
@"
apiVersion: v1
kind: Config
clusters:
- name: lke48122
  cluster: {server: https://127.0.0.1:6443}
users:
- name: lke48122-admin
  user: {token: practice}
contexts:
- name: lke48122-ctx
  context: {cluster: lke48122, user: lke48122-admin, namespace: default}
current-context: lke48122-ctx
"@ | Set-Content $practice
$env:KUBECONFIG = $practice
try {
    Invoke-Step 'module commands' 'Get-Command -Module PracticeK8s | Sort-Object Name | Select-Object Name' { param($o) $o.Count -gt 0 }
    Invoke-Step 'contexts' 'Get-KubeContext' { param($o) $o.Name -contains 'lke48122-ctx' }
}
finally {
    $env:KUBECONFIG = $saved
    Remove-Item $practice -ErrorAction SilentlyContinue
}

Write-Host ""
$steps | ForEach-Object { Write-Host ("{0,-6} {1}" -f $_.Result, $_.Step) }
if ($steps.Result -contains 'FAIL') { exit 1 }
