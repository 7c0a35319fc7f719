# kubectl api-resources and api-versions through the module (Get-KubeApiResource, Get-KubeApiVersion) on a
# fresh sandbox, with stock kubectl's output as the referee: same rows, same order, same cells.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox

    function script:Get-Rows([string[]] $Lines) {
        # kubectl's table as rows of cells joined by '|' (the header left out).
        ConvertFrom-TableText ($Lines -join "`n") | Select-Object -Skip 1 | ForEach-Object { $_ -join '|' }
    }

    function script:Get-OurRows($Resources, [switch] $Wide) {
        foreach ($r in $Resources) {
            $cells = @($r.Plural, ($r.ShortNames -join ','), $r.ApiVersion, "$($r.Namespaced)".ToLowerInvariant(), $r.Kind)
            if ($Wide) { $cells += @((($r.Verbs | Sort-Object -Unique) -join ','), (($r.Categories | Sort-Object) -join ',')) }
            $cells -join '|'
        }
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Get-KubeApiResource (kubectl api-resources)' {
    It 'gives kubectl''s rows for <Flags>' -ForEach @(
        @{ Flags = @(); Params = @{} }
        @{ Flags = @('--api-group=apps'); Params = @{ ApiGroup = 'apps' } }
        @{ Flags = @('--api-group='); Params = @{ ApiGroup = '' } }
        @{ Flags = @('--namespaced=false'); Params = @{ Namespaced = $false } }
        @{ Flags = @('--namespaced=true', '--verbs=list,watch'); Params = @{ Namespaced = $true; Verbs = 'list', 'watch' } }
        @{ Flags = @('--sort-by=kind'); Params = @{ SortBy = 'Kind' } }
        @{ Flags = @('--categories=all'); Params = @{ Categories = 'all' } }
    ) {
        $ours = @(Get-OurRows (Get-KubeApiResource @Params))
        $kubectl = @(Get-Rows (Invoke-Kubectl api-resources @Flags))
        $ours.Count | Should -BeGreaterThan 0
        $ours | Should -Be $kubectl
    }

    It 'prints kubectl''s table, line for line, and with -Wide its VERBS and CATEGORIES' {
        $resources = Get-KubeApiResource -Wide
        @(Get-OurRows $resources -Wide) | Should -Be @(Get-Rows (Invoke-Kubectl api-resources -o wide))
        foreach ($case in @{ Ours = $resources; Flags = @('-o', 'wide') }, @{ Ours = (Get-KubeApiResource); Flags = @() }) {
            $printed = @(($case.Ours | Out-String -Width 400) -split "`r?`n" | Where-Object { $_ } | ForEach-Object TrimEnd)
            $printed | Should -Be @(Invoke-Kubectl api-resources @($case.Flags) | ForEach-Object TrimEnd)
        }
    }

    It 'feeds Get-KubeResource: the plural names resolve' {
        $kinds = @(Get-KubeApiResource -ApiGroup apps -Verbs list)
        $kinds.Plural | Should -Contain 'deployments'
        { Get-KubeResource $kinds[0].Plural -AllNamespaces -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Get-KubeApiVersion (kubectl api-versions)' {
    It 'lists what kubectl lists, in its order' {
        $ours = @(Get-KubeApiVersion)
        $ours | Should -Contain 'v1'
        $ours | Should -Contain 'apps/v1'
        $ours | Should -Be @(Invoke-Kubectl api-versions)
    }
}

Describe 'Get-KubeClusterInfo (kubectl cluster-info)' {
    It 'prints kubectl''s lines: the control plane, then the cluster DNS through the API server''s proxy' {
        $ours = @(Get-KubeClusterInfo)
        $ours[0].Name | Should -Be 'Kubernetes control plane'
        $ours.Name | Should -Contain 'CoreDNS'
        $kubectl = @(Invoke-Kubectl cluster-info | Where-Object { $_ -match ' is running at ' }) -replace '\x1b\[[0-9;]*m'
        $lines = @(($ours | Out-String) -split "`r?`n" | Where-Object { $_ })
        $lines | Should -Be $kubectl
    }
}

Describe 'Get-KubeExplanation (kubectl explain)' {
    It 'prints kubectl''s text for explain <Path> <Flags>' -ForEach @(
        @{ Path = 'deployment.spec.strategy'; Flags = @(); Params = @{} }
        @{ Path = 'pods'; Flags = @(); Params = @{} }
        @{ Path = 'pods.spec.containers'; Flags = @(); Params = @{} }
        @{ Path = 'pod.metadata.labels'; Flags = @(); Params = @{} }
        @{ Path = 'deploy.spec.strategy.rollingUpdate.maxSurge'; Flags = @(); Params = @{} }
        @{ Path = 'svc.spec'; Flags = @(); Params = @{} }
        @{ Path = 'deploy.spec'; Flags = @('--recursive'); Params = @{ Recursive = $true } }
        @{ Path = 'ingresses'; Flags = @(); Params = @{} }
    ) {
        $ours = (Get-KubeExplanation $Path @Params).Text
        $kubectl = (Invoke-Kubectl explain $Path @Flags) -join "`n"
        $ours.TrimEnd("`n") | Should -BeExactly $kubectl.TrimEnd("`n")
    }

    It 'keeps the parts on the object: type, required fields, descriptions' {
        $containers = Get-KubeExplanation pods.spec.containers
        $containers.FieldType | Should -Be '[]Container'
        ($containers.Fields | Where-Object Required).Name | Should -Be @('name')
        ($containers.Fields | Where-Object Name -eq ports).Type | Should -Be '[]ContainerPort'
    }

    It 'names a field that does not exist, as kubectl does' {
        { Get-KubeExplanation pods.spec.nosuch -ErrorAction Stop } | Should -Throw '*field "nosuch" does not exist*'
        (Invoke-KubectlRaw explain pods.spec.nosuch).Output -join "`n" | Should -Match 'field "nosuch" does not exist'
    }
}
