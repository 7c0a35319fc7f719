<#
.SYNOPSIS
    Runs the Pester suite (called by build.ps1 test in a child pwsh) and writes a JSON summary.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OtherYamlDotNet,
    [Parameter(Mandatory)] [string] $OtherKubernetesClient,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Comma-separated file name patterns (a string: native argument passing would expand a bare *).
    [string] $Filter = ($env:PRACTICEK8S_TEST_FILTER ?? '*')
)

$ErrorActionPreference = 'Stop'
# Plain text everywhere: escape codes in captured output would make the NUnit report invalid XML.
$PSStyle.OutputRendering = 'PlainText'
$env:NO_COLOR = '1'
Import-Module $PesterPath -Force
# Test files read these to find what they test.
$env:PRACTICEK8S_MODULE = $ModulePath
$env:PRACTICEK8S_TEST_YAMLDOTNET = $OtherYamlDotNet
$env:PRACTICEK8S_TEST_KUBERNETESCLIENT = $OtherKubernetesClient

$patterns = $Filter -split ','
$files = Get-ChildItem $PSScriptRoot -Filter '*.Tests.ps1' |
    Where-Object { $name = $_.Name; $patterns | Where-Object { $name -like $_ -or $name -like "$_.Tests.ps1" } }

$config = New-PesterConfiguration
$config.Run.Path = @($files.FullName)
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultPath
$result = Invoke-Pester -Configuration $config
if ($null -eq $result) {
    # Pester itself failed (it reports why above); no summary means build.ps1 counts a failure.
    exit 1
}

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
exit ([int]($failed -gt 0))
