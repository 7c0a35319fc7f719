# Set-KubeDeploymentScale (kubectl scale) against a sandbox.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'scale-tests'

    function script:Get-Live([string] $Kind, [string] $Name) {
        (Invoke-Kubectl get $Kind $Name -n $ns -o json) -join "`n" | ConvertFrom-Json
    }

    function script:New-Workload([string] $Kind, [string] $Name, [int] $Replicas, [string] $Extra = '') {
        $serviceName = if ($Kind -eq 'StatefulSet') { "`n  serviceName: $Name" } else { '' }
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: $Kind
metadata: {name: $Name, namespace: $ns}
spec:$serviceName
  replicas: $Replicas
  selector: {matchLabels: {app: $Name}}
  template:
    metadata: {labels: {app: $Name}}
    spec:$Extra
      containers: [{name: c, image: "nginx:1.14.2"}]
"@ | Out-Null
    }

    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}" | Out-Null
    New-Workload Deployment web 2
    New-Workload ReplicaSet plain-rs 1
    New-Workload StatefulSet db 1
}

AfterAll { Stop-TestSandbox }

Describe 'Set-KubeDeploymentScale' {
    It 'scales a Deployment through the scale subresource, with kubectl''s line' {
        $result = Set-KubeDeploymentScale web -Replicas 4 -Namespace $ns
        $result.Message | Should -BeExactly 'deployment.apps/web scaled'
        ($result | Out-String).Trim() | Should -BeExactly 'deployment.apps/web scaled'
        (Get-Live deployment web).spec.replicas | Should -Be 4
        $result.Object.Spec.Replicas | Should -Be 4
    }

    It 'scales ReplicaSets and StatefulSets by -Kind, and piped ones as their own kind' {
        (Set-KubeDeploymentScale plain-rs -Kind ReplicaSet -Replicas 3 -Namespace $ns).Message | Should -Be 'replicaset.apps/plain-rs scaled'
        (Get-Live replicaset plain-rs).spec.replicas | Should -Be 3
        (Get-KubeStatefulSet db -Namespace $ns | Set-KubeDeploymentScale -Replicas 2).Message | Should -Be 'statefulset.apps/db scaled'
        (Get-Live statefulset db).spec.replicas | Should -Be 2
    }

    It 'returns the scaled object with -PassThru' {
        $deployment = Set-KubeDeploymentScale web -Replicas 3 -Namespace $ns -PassThru
        $deployment.PSObject.TypeNames | Should -Contain 'k8s.Models.V1Deployment'
        $deployment.Spec.Replicas | Should -Be 3
    }

    It 'scales only from the expected count with -CurrentReplicas' {
        Set-KubeDeploymentScale web -Replicas 5 -CurrentReplicas 2 -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -BeExactly 'Expected replicas to be 2, was 3'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubePreconditionFailed,*'
        (Get-Live deployment web).spec.replicas | Should -Be 3
        (Set-KubeDeploymentScale web -Replicas 5 -CurrentReplicas 3 -Namespace $ns).Message | Should -Be 'deployment.apps/web scaled'
        (Get-Live deployment web).spec.replicas | Should -Be 5
    }

    It 'scales only at the expected resourceVersion with -ResourceVersion' {
        Set-KubeDeploymentScale web -Replicas 1 -ResourceVersion 1 -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -BeLike 'Expected resource version to be 1, was *'
        $version = (Get-Live deployment web).metadata.resourceVersion
        (Set-KubeDeploymentScale web -Replicas 1 -ResourceVersion $version -Namespace $ns).Message | Should -Be 'deployment.apps/web scaled'
        (Get-Live deployment web).spec.replicas | Should -Be 1
    }

    It 'changes nothing with -WhatIf or -DryRun' {
        $before = (Get-Live deployment web).metadata.resourceVersion
        Set-KubeDeploymentScale web -Replicas 7 -Namespace $ns -WhatIf | Should -BeNullOrEmpty
        (Set-KubeDeploymentScale web -Replicas 7 -Namespace $ns -DryRun).Message | Should -Be 'deployment.apps/web scaled (server dry run)'
        (Get-Live deployment web).metadata.resourceVersion | Should -Be $before
        (Get-Live deployment web).spec.replicas | Should -Be 1
    }

    It 'refuses kinds that cannot be scaled, and unknown objects' {
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: web, namespace: $ns}" | Out-Null
        Get-KubeConfigMap web -Namespace $ns | Set-KubeDeploymentScale -Replicas 2 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeKindMismatch,*'
        $problems[0].Exception.Message | Should -Be 'a ConfigMap cannot be scaled (only Deployments, ReplicaSets and StatefulSets)'
        Set-KubeDeploymentScale ghost -Replicas 2 -Namespace $ns -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Set-KubeDeploymentScale web -Replicas -1 -Namespace $ns } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'fails -Wait with KubeTimeout when replicas cannot become ready' {
        New-Workload Deployment nowhere 0 "`n      nodeSelector: {no-such-node: 'true'}"
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Set-KubeDeploymentScale nowhere -Replicas 2 -Namespace $ns -Wait -Timeout 2 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeTimeout,*'
        $problems[0].Exception.Message | Should -BeLike 'timed out waiting for "nowhere" to be synced: 0 of 2 replicas ready'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        (Get-Live deployment nowhere).spec.replicas | Should -Be 2
    }
}

Describe 'Set-KubeDeploymentScale -Wait' -Tag 'Controllers' {
    It 'waits until the new replicas are ready' {
        New-Workload Deployment ready 1
        $deployment = Set-KubeDeploymentScale ready -Replicas 3 -Namespace $ns -Wait -Timeout 20 -PassThru
        $deployment.Status.ReadyReplicas | Should -Be 3
        (Get-KubePod -Namespace $ns -Selector app=ready | Where-Object Status -eq 'Running').Count | Should -Be 3
    }
}
