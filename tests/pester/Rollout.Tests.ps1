# Wait-KubeDeployment, Restart-KubeDeployment, Get-KubeRolloutHistory and Undo-KubeDeployment
# (kubectl rollout status/restart/history/undo) against a sandbox.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'rollout-tests'
    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}" | Out-Null

    function script:Get-Live([string] $Kind, [string] $Name) {
        (Invoke-Kubectl get $Kind $Name -n $ns -o json) -join "`n" | ConvertFrom-Json
    }

    function script:Set-Deployment([string] $Name, [string] $Image, [int] $Replicas = 2, [string] $Extra = '', [string] $Cause = '',
        [int] $Deadline = 600, [switch] $Paused) {
        $annotations = if ($Cause) { ", annotations: {kubernetes.io/change-cause: '$Cause'}" } else { '' }
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: $Name, namespace: $ns$annotations}
spec:
  replicas: $Replicas
  paused: $(([bool]$Paused).ToString().ToLowerInvariant())
  progressDeadlineSeconds: $Deadline
  selector: {matchLabels: {app: $Name}}
  template:
    metadata: {labels: {app: $Name}}
    spec:$Extra
      containers: [{name: web, image: "$Image"}]
"@ | Out-Null
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Restart-KubeDeployment' {
    It 'stamps the pod template with restartedAt, like kubectl rollout restart' {
        Set-Deployment web 'nginx:1.14.2' -Replicas 0
        $before = (Get-Live deployment web).metadata.generation
        $result = Restart-KubeDeployment web -Namespace $ns
        $result.Message | Should -BeExactly 'deployment.apps/web restarted'
        $live = Get-Live deployment web
        $stamp = Invoke-Kubectl get deployment web -n $ns -o 'jsonpath={.spec.template.metadata.annotations.kubectl\.kubernetes\.io/restartedAt}'
        $stamp | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$'
        ([DateTimeOffset]::Parse($stamp) - [DateTimeOffset]::Now).Duration().TotalMinutes | Should -BeLessThan 1
        $live.metadata.generation | Should -BeGreaterThan $before
    }

    It 'takes piped Deployments, returns them with -PassThru, and refuses other kinds' {
        $deployment = Get-KubeDeployment web -Namespace $ns | Restart-KubeDeployment -PassThru
        $deployment.PSObject.TypeNames | Should -Contain 'k8s.Models.V1Deployment'
        $deployment.Spec.Template.Metadata.Annotations['kubectl.kubernetes.io/restartedAt'] | Should -Not -BeNullOrEmpty
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: web, namespace: $ns}" | Out-Null
        Get-KubeConfigMap web -Namespace $ns | Restart-KubeDeployment -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeKindMismatch,*'
    }

    It 'refuses a paused Deployment, and changes nothing with -WhatIf' {
        Invoke-Kubectl patch deployment web -n $ns --type merge -p '{"spec":{"paused":true}}' | Out-Null
        Restart-KubeDeployment web -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -Be 'deployments.apps "web" can''t restart paused deployment (run rollout resume first)'
        Invoke-Kubectl patch deployment web -n $ns --type merge -p '{"spec":{"paused":false}}' | Out-Null
        $before = (Get-Live deployment web).metadata.resourceVersion
        Restart-KubeDeployment web -Namespace $ns -WhatIf | Should -BeNullOrEmpty
        (Get-Live deployment web).metadata.resourceVersion | Should -Be $before
    }
}

Describe 'Rollout history and undo' {
    It 'has no history for a Deployment created paused, and refuses to roll it back' {
        Set-Deployment lonely 'nginx:1.14.2' -Replicas 0 -Paused
        Get-KubeRolloutHistory lonely -Namespace $ns | Should -BeNullOrEmpty
        Undo-KubeDeployment lonely -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -Be 'you cannot rollback a paused deployment; resume it first and try again'
        Get-KubeRolloutHistory missing -Namespace $ns -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Rollouts with the deployment controller' -Tag 'Controllers' {
    It 'waits for a rollout to complete' {
        Set-Deployment app 'nginx:1.14.2' -Cause 'first'
        $result = Wait-KubeDeployment app -Namespace $ns -Timeout 20
        $result.Message | Should -BeExactly 'deployment "app" successfully rolled out'
        $result.Object.Status.AvailableReplicas | Should -Be 2
    }

    It 'numbers revisions and shows their change cause' {
        Set-Deployment app 'nginx:1.25' -Cause 'second'
        Wait-KubeDeployment app -Namespace $ns -Timeout 20 | Out-Null
        $history = Get-KubeRolloutHistory app -Namespace $ns
        $history.Revision | Should -Be @(1, 2)
        $history.ChangeCause | Should -Be @('first', 'second')
        $history.Current | Should -Be @($false, $true)
        $history[0].Template.Spec.Containers[0].Image | Should -Be 'nginx:1.14.2'
        ($history | Out-String) | Should -Match '(?m)^REVISION\s+CHANGE-CAUSE\s*$'
        (Get-KubeRolloutHistory app -Namespace $ns -Revision 1).ReplicaSet | Should -Be $history[0].ReplicaSet
    }

    It 'rolls back to the previous revision, then to a given one' {
        (Undo-KubeDeployment app -Namespace $ns).Message | Should -BeExactly 'deployment.apps/app rolled back'
        (Get-Live deployment app).spec.template.spec.containers[0].image | Should -Be 'nginx:1.14.2'
        Wait-KubeDeployment app -Namespace $ns -Timeout 20 | Out-Null
        (Get-KubeRolloutHistory app -Namespace $ns).Revision | Should -Be @(2, 3)
        (Undo-KubeDeployment app -Namespace $ns -ToRevision 3).Message | Should -Be 'deployment.apps/app skipped rollback (current template already matches revision 3)'
        (Undo-KubeDeployment app -Namespace $ns -ToRevision 2 -PassThru).Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.25'
        Undo-KubeDeployment app -Namespace $ns -ToRevision 9 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -Be 'unable to find specified revision 9 in history'
    }

    It 'restarts every pod and waits for it' {
        $before = @(Get-KubePod -Namespace $ns -Selector app=app).Name
        Restart-KubeDeployment app -Namespace $ns -PassThru | Wait-KubeDeployment -Timeout 20 | Out-Null
        $after = @(Get-KubePod -Namespace $ns -Selector app=app | Where-Object { -not $_.Metadata.DeletionTimestamp }).Name
        $after | Where-Object { $before -contains $_ } | Should -BeNullOrEmpty
    }

    It 'fails when the rollout exceeds its progress deadline' {
        Set-Deployment stuck 'nginx:1.14.2' -Deadline 1 -Extra "`n      nodeSelector: {no-such-node: 'true'}"
        Wait-KubeDeployment stuck -Namespace $ns -Timeout 20 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeProgressDeadlineExceeded,*'
        $problems[0].Exception.Message | Should -Be 'deployment "stuck" exceeded its progress deadline'
    }
}

Describe 'Wait-KubeDeployment without a controller''s progress' {
    It 'fails with KubeTimeout after -Timeout, saying what it waited for' {
        Set-Deployment never 'nginx:1.14.2' -Extra "`n      nodeSelector: {no-such-node: 'true'}"
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Wait-KubeDeployment never -Namespace $ns -Timeout 2 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeTimeout,*'
        $problems[0].Exception.Message | Should -BeLike 'timed out waiting for the rollout of deployment "never": Waiting for *'
    }
}
