<#
.SYNOPSIS
    Exports every Deployment of a namespace to its own YAML file, ready to keep in source control
    and to apply again (server-filled fields left out).
.EXAMPLE
    ./Export-DeploymentYaml.ps1 -Namespace shop -OutputDirectory ./manifests
#>
[CmdletBinding()]
param(
    [string] $Namespace,
    [Parameter(Mandatory)] [string] $OutputDirectory
)

$null = New-Item -ItemType Directory -Path $OutputDirectory -Force
$parameters = @{}
if ($Namespace) { $parameters.Namespace = $Namespace }
Get-KubeDeployment @parameters | ForEach-Object {
    $file = Join-Path $OutputDirectory "$($_.Name).yaml"
    $_ | ConvertTo-KubeYaml -ForApply | Set-Content -Path $file -NoNewline
    Get-Item $file
}
