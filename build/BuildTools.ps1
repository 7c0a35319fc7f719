# Helpers for build.ps1: assembling the module folder, help, test tools, result counting.

function Write-Step([string] $Text) {
    Write-Host "==> $Text" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    $command, $arguments = $args
    & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "$command $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-PwshCommand {
    # The command line that starts this same PowerShell (a dotnet tool runs as 'dotnet pwsh.dll').
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($process)
}

function Build-ModuleFolder([string] $Root, [string] $Configuration, [string] $Destination) {
    # Only PracticeK8s.dll sits beside the manifest; the engine and its libraries go to dependencies/,
    # where PowerShell's probing cannot pull them into the default load context.
    if (Test-Path $Destination) { Remove-Item $Destination -Recurse -Force }
    $deps = Join-Path $Destination 'dependencies'
    $null = New-Item -ItemType Directory -Path $deps -Force
    $moduleBin = Join-Path $Root "src/PracticeK8s/bin/$Configuration/net8.0"
    $engineBin = Join-Path $Root "src/PracticeK8s.Engine/bin/$Configuration/net8.0"
    Copy-Item (Join-Path $moduleBin 'PracticeK8s.dll'), (Join-Path $moduleBin 'PracticeK8s.pdb') $Destination
    Get-ChildItem $engineBin -File | Where-Object { $_.Extension -in '.dll', '.pdb' -and $_.BaseName -ne 'System.Management.Automation' } |
        Copy-Item -Destination $deps
    Copy-Item (Join-Path $Root 'PracticeK8s.psd1'), (Join-Path $Root 'PracticeK8s.Assertions.psm1') $Destination
    $sandboxBin = Join-Path $Root "src/PracticeK8s.Sandbox/bin/$Configuration/net8.0"
    if (Test-Path (Join-Path $sandboxBin 'PracticeK8s.Sandbox.dll')) {
        Copy-Item $sandboxBin (Join-Path $Destination 'sandbox') -Recurse
    }
    # Type data and the kubectl tables are generated from the printing library's columns into the
    # repository's formats/ (checked in), then the folder goes into the module.
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $Root 'build/New-TypeAndFormatData.ps1') `
        -ModuleDir $Destination -OutputDir (Join-Path $Root 'formats')
    if ($LASTEXITCODE -ne 0) { throw "type and format generation failed with exit code $LASTEXITCODE" }
    Copy-Item (Join-Path $Root 'formats') $Destination -Recurse
    $license = Join-Path $Root 'LICENSE'
    if (Test-Path $license) { Copy-Item $license $Destination }
}

function Build-MamlHelp([string] $Root, [string] $ModuleDir) {
    # Help is generated in a child process: it imports the built module to read each cmdlet's metadata.
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $Root 'build/New-MamlHelp.ps1') `
        -ModulePath (Join-Path $ModuleDir 'PracticeK8s.psd1') -SourceDir (Join-Path $Root 'help') `
        -OutputPath (Join-Path $ModuleDir 'en-US/PracticeK8s.dll-Help.xml')
    if ($LASTEXITCODE -ne 0) { throw "help generation failed with exit code $LASTEXITCODE" }
    $about = Join-Path $Root 'help/about_PracticeK8s.help.txt'
    if (Test-Path $about) { Copy-Item $about (Join-Path $ModuleDir 'en-US') }
}

function Restore-TestTools([string] $Root) {
    # Pester and a second YamlDotNet and KubernetesClient (for the isolation tests) come from NuGet, pinned in tests/tools.
    $project = Join-Path $Root 'tests/tools/TestTools.csproj'
    Invoke-Native dotnet restore $project --nologo -v q
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    [xml] $xml = Get-Content $project -Raw
    $versions = @{}
    foreach ($download in $xml.Project.ItemGroup.PackageDownload) {
        $versions[$download.Include] = $download.Version.Trim('[', ']')
    }
    [pscustomobject]@{
        Pester          = Join-Path $packages "pester/$($versions['Pester'])/tools/Pester.psd1"
        OtherYamlDotNet = Join-Path $packages "yamldotnet/$($versions['YamlDotNet'])/lib/net6.0/YamlDotNet.dll"
        OtherKubernetesClient = Join-Path $packages "kubernetesclient/$($versions['KubernetesClient'])/lib/net8.0/KubernetesClient.dll"
    }
}

function Read-TrxCounts([string] $Path) {
    if (-not (Test-Path $Path)) { return $null }
    [xml] $trx = Get-Content $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int] $counters.passed
        Failed  = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        Skipped = [int] $counters.notExecuted
    }
}

function Find-OpenApiOracle([string] $Root) {
    # shared/data/kubernetes-openapi beside or above the checkout, else the workplace's shared folder.
    for ($dir = Get-Item $Root; $dir; $dir = $dir.Parent) {
        $candidate = Join-Path $dir.FullName 'shared/data/kubernetes-openapi'
        if (Test-Path (Join-Path $candidate 'swagger.json')) { return $candidate }
    }
    $workplace = '/work/shared/data/kubernetes-openapi'
    if (Test-Path (Join-Path $workplace 'swagger.json')) { return $workplace }
    $null
}

function Start-XunitRuns([System.IO.FileInfo[]] $Projects, [string] $Configuration, [string] $Results) {
    # One thread job runs the projects in turn; each writes its console output to a log beside its trx.
    $runs = @(foreach ($project in $Projects) {
        [pscustomobject]@{
            Project = $project.BaseName; Path = $project.FullName
            Trx = Join-Path $Results "$($project.BaseName).trx"; Log = Join-Path $Results "$($project.BaseName).log"
            ExitCode = $null
        }
    })
    if ($runs.Count -eq 0) { return $null }
    $job = Start-ThreadJob -ArgumentList $runs, $Configuration, $Results -ScriptBlock {
        param($runs, $configuration, $results)
        foreach ($run in $runs) {
            & dotnet test $run.Path -c $configuration --no-build --nologo `
                --logger "trx;LogFileName=$(Split-Path $run.Trx -Leaf)" --logger 'console;verbosity=minimal' `
                --results-directory $results *> $run.Log
            $run.ExitCode = $LASTEXITCODE
        }
    }
    [pscustomobject]@{ Job = $job; Runs = $runs }
}

function Wait-XunitRuns($Started) {
    $null = Wait-Job $Started.Job
    Receive-Job $Started.Job -ErrorAction Continue
    Remove-Job $Started.Job
    $Started.Runs
}

function Get-FailedTestNames([string] $Results) {
    foreach ($trxPath in (Get-ChildItem $Results -Filter '*.trx' -ErrorAction SilentlyContinue)) {
        [xml] $trx = Get-Content $trxPath.FullName -Raw
        foreach ($result in $trx.TestRun.Results.UnitTestResult) {
            if ($result.outcome -notin 'Passed', 'NotExecuted') { "$($trxPath.BaseName): $($result.testName)" }
        }
    }
    $pester = Join-Path $Results 'pester.xml'
    if (Test-Path $pester) {
        [xml] $nunit = Get-Content $pester -Raw
        foreach ($case in $nunit.SelectNodes('//test-case[@result="Failure"]')) { "Pester: $($case.name)" }
        # A block whose setup failed has no failed test case of its own.
        foreach ($suite in $nunit.SelectNodes('//test-suite[@result="Failure" and not(.//test-case[@result="Failure"])]')) { "Pester: $($suite.name) (its setup)" }
    }
}
