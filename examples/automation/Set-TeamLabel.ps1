<#
.SYNOPSIS
    Labels every Deployment, Service and ConfigMap (or other kinds) of a namespace that matches a
    selector with a team label, overwriting a different value only with -Overwrite.
.EXAMPLE
    ./Set-TeamLabel.ps1 -Namespace shop -Selector app=checkout -Team payments
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Namespace,
    [string] $Selector,
    [Parameter(Mandatory)] [string] $Team,
    [string[]] $Kind = @('deployments', 'services', 'configmaps'),
    [switch] $Overwrite
)

$query = @{ Kind = $Kind; Namespace = $Namespace }
if ($Selector) { $query.Selector = $Selector }
Get-KubeResource @query | Set-KubeLabel -Label @{ team = $Team } -Overwrite:$Overwrite -WhatIf:$WhatIfPreference
