#!/usr/bin/env pwsh
<#
.SYNOPSIS
    One entry point for PracticeK8s: build, test, demo, bench, clean.
.DESCRIPTION
    build  (default) compiles the solution and assembles a loadable module under out/PracticeK8s/.
    test   builds, then runs every xunit project and every Pester file; ends with the line
           "tests: N passed, M failed, K skipped" and exits non-zero on any failure.
    demo   the main job: builds if needed and runs the course walkthrough against a fresh sandbox.
    bench  runs the benchmarks under tests/bench (ratios against kubectl in the same run).
    clean  removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'bench', 'clean', 'help')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # test: run only these Pester files / xunit projects (wildcards on the file name).
    [string[]] $Filter = @('*'),

    # test: skip the xunit or the Pester runner.
    [switch] $NoXunit,
    [switch] $NoPester
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
# From a native command line "-Filter a,b" arrives as one string.
$Filter = @($Filter | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleDir = Join-Path $out 'PracticeK8s'
. (Join-Path $root 'build/BuildTools.ps1')

function Invoke-Build {
    Write-Step 'Building the solution'
    Invoke-Native dotnet build (Join-Path $root 'PracticeK8s.sln') -c $Configuration --nologo -v q '-clp:ErrorsOnly;NoSummary'
    Write-Step "Assembling the module in $moduleDir"
    Build-ModuleFolder -Root $root -Configuration $Configuration -Destination $moduleDir
    Build-MamlHelp -Root $root -ModuleDir $moduleDir
    Write-Host "module: $(Join-Path $moduleDir 'PracticeK8s.psd1')"
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $results
    $tools = Restore-TestTools -Root $root
    # The upstream OpenAPI documents are a test oracle in ../shared/data (never copied into the repo).
    if (-not $env:PRACTICEK8S_OPENAPI_DIR) {
        $oracle = Find-OpenApiOracle -Root $root
        if ($oracle) { $env:PRACTICEK8S_OPENAPI_DIR = $oracle }
    }

    $totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $runnerFailures = @()

    # The xunit projects run one after another in the background while Pester runs in the
    # foreground: both spend most of their time waiting on sandboxes, so together they take
    # little longer than the longer of the two. Their output follows Pester's.
    $xunit = $null
    if (-not $NoXunit) {
        $projects = @(Get-ChildItem (Join-Path $root 'tests') -Recurse -Filter '*.Tests.csproj' |
            Where-Object { $name = $_.BaseName; $Filter | Where-Object { $name -like $_ -or $_ -eq '*' } })
        $xunit = Start-XunitRuns -Projects $projects -Configuration $Configuration -Results $results
    }

    if (-not $NoPester) {
        Write-Step 'Pester: tests/pester'
        $summary = Join-Path $results 'pester-summary.json'
        $pwsh = Get-PwshCommand
        # Passed in the environment: a bare * on a native command line would be expanded to file names.
        $env:PRACTICEK8S_TEST_FILTER = $Filter -join ','
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1') `
            -PesterPath $tools.Pester -ModulePath (Join-Path $moduleDir 'PracticeK8s.psd1') -OtherYamlDotNet $tools.OtherYamlDotNet -OtherKubernetesClient $tools.OtherKubernetesClient `
            -SummaryPath $summary -ResultPath (Join-Path $results 'pester.xml')
        $code = $LASTEXITCODE
        if (Test-Path $summary) {
            $counts = Get-Content $summary -Raw | ConvertFrom-Json
            $totals.Passed += $counts.Passed; $totals.Failed += $counts.Failed; $totals.Skipped += $counts.Skipped
            if ($code -ne 0 -and $counts.Failed -eq 0) {
                $runnerFailures += "Pester exited with $code"
                $totals.Failed += 1
            }
        }
        else {
            $runnerFailures += "Pester produced no results (exit code $code)"
            $totals.Failed += 1
        }
    }

    if ($xunit) {
        foreach ($run in (Wait-XunitRuns $xunit)) {
            Write-Step "xunit: $($run.Project) (ran beside Pester)"
            Get-Content $run.Log | Write-Host
            $counts = Read-TrxCounts $run.Trx
            if ($null -eq $counts) {
                $runnerFailures += "xunit $($run.Project) produced no results (exit code $($run.ExitCode))"
                $totals.Failed += 1
                continue
            }
            $totals.Passed += $counts.Passed; $totals.Failed += $counts.Failed; $totals.Skipped += $counts.Skipped
            if ($run.ExitCode -ne 0 -and $counts.Failed -eq 0) {
                $runnerFailures += "xunit $($run.Project) exited with $($run.ExitCode)"
                $totals.Failed += 1
            }
        }
    }

    # CI shows only the end of the log: name every failed test there.
    foreach ($name in (Get-FailedTestNames $results)) { Write-Host "failed: $name" -ForegroundColor Red }
    foreach ($failure in $runnerFailures) { Write-Host "runner failure: $failure" -ForegroundColor Red }
    Write-Host "tests: $($totals.Passed) passed, $($totals.Failed) failed, $($totals.Skipped) skipped"
    if ($totals.Failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    if (-not (Test-Path (Join-Path $moduleDir 'PracticeK8s.psd1'))) { Invoke-Build }
    $walkthrough = Join-Path $root 'examples/course/walkthrough.ps1'
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -File $walkthrough -ModulePath (Join-Path $moduleDir 'PracticeK8s.psd1')
    exit $LASTEXITCODE
}

function Invoke-Bench {
    if (-not (Test-Path (Join-Path $moduleDir 'PracticeK8s.psd1'))) { Invoke-Build }
    $benches = @(Get-ChildItem (Join-Path $root 'tests/bench') -Filter '*.Bench.ps1' -ErrorAction SilentlyContinue)
    if ($benches.Count -eq 0) { Write-Host 'no benchmarks yet'; return }
    $pwsh = Get-PwshCommand
    foreach ($bench in $benches) {
        if (-not ($Filter | Where-Object { $bench.BaseName -like "$_*" })) { continue }
        Write-Step "bench: $($bench.BaseName)"
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -File $bench.FullName -ModulePath (Join-Path $moduleDir 'PracticeK8s.psd1')
    }
}

function Invoke-Clean {
    foreach ($dir in @($out) + @(Get-ChildItem $root -Recurse -Directory -Include bin, obj | ForEach-Object FullName)) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
}

switch ($Task) {
    'build' { Invoke-Build }
    'test' { Invoke-Test }
    'demo' { Invoke-Demo }
    'bench' { Invoke-Bench }
    'clean' { Invoke-Clean }
    'help' { Get-Help $PSCommandPath -Detailed }
}
