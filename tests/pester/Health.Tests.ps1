# Cluster-check cmdlets and the Should -BeKubeReady operator.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:deployments = @'
apiVersion: apps/v1
kind: Deployment
metadata: {name: ready, namespace: d, generation: 1}
spec: {replicas: 2, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}
status: {observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: rolling, namespace: d, generation: 2}
spec: {replicas: 3, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}
status: {observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1}
'@ | ConvertFrom-KubeYaml
}

Describe 'Test-KubeResource on piped objects' {
    It 'answers one $true/$false for the set, and per object with -Detailed' {
        # Issue 20, line 13: one answer for the set (it printed "True False" before), per object with -Detailed.
        $deployments | Test-KubeResource | Should -BeExactly $false
        $deployments | Test-KubeDeploymentReady | Should -BeExactly $false
        $deployments[0] | Test-KubeDeploymentReady | Should -BeExactly $true
        @($deployments | Test-KubeDeploymentReady -Detailed).Healthy | Should -Be @($true, $false)
        @(@() | Test-KubeDeploymentReady) | Should -BeExactly @($false)
    }

    It 'explains with -Detailed' {
        $result = $deployments | Test-KubeResource -Detailed | Where-Object -Not Healthy
        $result.Name | Should -Be 'rolling'
        $result.Reason | Should -Be '1 of 3 available replicas'
    }

    It 'refuses an object of another kind in a kind-specific test' {
        $deployments[0] | Test-KubeNodeReady -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeExactly $false -Because 'nothing was checked'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeKindMismatch,*'
    }
}

Describe 'Should -BeKubeReady' {
    It 'passes for ready objects' {
        $deployments[0] | Should -BeKubeReady
    }

    It 'fails naming the object and the reason' {
        { $deployments | Should -BeKubeReady -Because 'the shop must be up' } |
            Should -Throw -ExpectedMessage "*because the shop must be up, but deployment/rolling: 1 of 3 available replicas*"
    }

    It 'supports -Not' {
        $deployments[1] | Should -Not -BeKubeReady
    }
}
