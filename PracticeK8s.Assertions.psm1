# Pester assertions for cluster checks: $deployment | Should -BeKubeReady.
# They are registered when this module is imported into a session that has Pester loaded (the
# usual order inside Invoke-Pester); Register-KubeShouldOperator registers them later otherwise.

function Assert-KubeReady {
    param($ActualValue, [switch] $Negate, [string] $Because)
    $objects = @($ActualValue)
    if ($objects.Count -eq 0) {
        return [pscustomobject]@{ Succeeded = $false; FailureMessage = 'Expected Kubernetes objects, but got nothing.' }
    }
    $results = @($objects | Test-KubeResource -Detailed -ErrorAction Stop)
    $notReady = @($results | Where-Object { -not $_.Healthy })
    $succeeded = if ($Negate) { $notReady.Count -eq $results.Count } else { $notReady.Count -eq 0 }
    $because = if ($Because) { " because $Because" } else { '' }
    $message = if ($Negate) {
        "Expected $(($results | ForEach-Object { "$($_.Kind.ToLower())/$($_.Name)" }) -join ', ') not to be ready$because, but it was."
    }
    else {
        "Expected ready$because, but " + (($notReady | ForEach-Object { "$($_.Kind.ToLower())/$($_.Name): $($_.Reason)" }) -join '; ') + '.'
    }
    [pscustomobject]@{ Succeeded = $succeeded; FailureMessage = $message }
}

function Register-KubeShouldOperator {
    <#
    .SYNOPSIS
        Registers PracticeK8s's Pester assertions (Should -BeKubeReady) when Pester was loaded after PracticeK8s.
    .EXAMPLE
        Import-Module Pester; Register-KubeShouldOperator
    #>
    [CmdletBinding()]
    param()
    if (-not (Get-Command Add-ShouldOperator -ErrorAction SilentlyContinue)) {
        Write-Error 'Pester 5 or later is not loaded; import Pester first.' -ErrorId KubePesterMissing -Category ObjectNotFound
        return
    }
    if (-not (Get-ShouldOperator | Where-Object Name -eq 'BeKubeReady')) {
        Add-ShouldOperator -Name BeKubeReady -Test ${function:Assert-KubeReady} -SupportsArrayInput
    }
}

if (Get-Command Add-ShouldOperator -ErrorAction SilentlyContinue) {
    Register-KubeShouldOperator
}

Export-ModuleMember -Function Register-KubeShouldOperator
