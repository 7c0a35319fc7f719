<#
.SYNOPSIS
    Sandbox watch fan-out: 100 watchers of one namespace's ConfigMaps while a burst of writes happens.
.DESCRIPTION
    Builds tests/bench/WatchFanOutBench and runs it; it starts its own sandbox process on a temporary
    data dir and prints delivered events per second, write-to-delivery latency and the server's memory.
    Not part of the pass/fail test suite.
#>
param(
    [string] $ModulePath,          # passed by build.ps1 bench; unused here (this measures the server only)
    [int] $Watchers = 100,
    [int] $Events = 2000,
    [int] $Writers = 4
)
$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'WatchFanOutBench/WatchFanOutBench.csproj'
& dotnet build $project -c Release -v q --nologo | Out-Null
if ($LASTEXITCODE -ne 0) { throw "building $project failed" }
& dotnet run --project $project -c Release --no-build -- $Watchers $Events $Writers
if ($LASTEXITCODE -ne 0) { throw "the watch fan-out benchmark failed" }
