<#
.SYNOPSIS
    Sandbox throughput: requests per second for GET of one pod and LIST of 1,000 pods (JSON and Table).
.DESCRIPTION
    Builds tests/bench/SandboxBench and runs it; it starts its own sandbox process on a temporary
    data dir and prints one line per measurement. Not part of the pass/fail test suite.
#>
param(
    [string] $ModulePath,          # passed by build.ps1 bench; unused here (this measures the server only)
    [double] $Seconds = 5,
    [int] $Clients = 4
)
$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'SandboxBench/SandboxBench.csproj'
& dotnet build $project -c Release -v q --nologo | Out-Null
if ($LASTEXITCODE -ne 0) { throw "building $project failed" }
& dotnet run --project $project -c Release --no-build -- $Seconds $Clients
if ($LASTEXITCODE -ne 0) { throw "the sandbox benchmark failed" }
