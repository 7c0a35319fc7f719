# Suspend-KubeNode / Resume-KubeNode (cordon, uncordon, drain) against the sandbox, with stock kubectl as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = New-TestNamespace 'drain-tests'

    function Get-Unschedulable([string] $Node) { "$(Invoke-Kubectl get node $Node -o 'jsonpath={.spec.unschedulable}')" }

    function New-Owner([string] $Namespace, [string] $Name) {
        # A controller owner no controller acts on (kubectl drain counts any controller kind as
        # managed), so nothing in the sandbox adopts, replaces or deletes the test's pods.
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: $Name`n  namespace: $Namespace" | Out-Null
        Invoke-Kubectl get configmap $Name -n $Namespace -o 'jsonpath={.metadata.uid}'
    }

    function New-ManagedPod([string] $Name, [string] $Node, [string] $OwnerUid, [hashtable] $Labels = @{}, [switch] $EmptyDir) {
        New-TestPod -Namespace $ns -Name $Name -Node $Node -Script 'echo up; sleep 3600' -Labels $Labels -EmptyDir:$EmptyDir -TolerateAll `
            -OwnerKind ConfigMap -OwnerName owner -OwnerUid $OwnerUid -OwnerApiVersion v1
    }

    function Wait-PodRunning([string] $Name) {
        # The sandbox's kubelet runs the pod; the Eviction API weighs only running pods against
        # their PodDisruptionBudget (pending ones are simply deleted).
        $null = Wait-Until -Seconds 30 -Because "pod $Name to run" { (Get-KubePod $Name -Namespace $ns).ApiStatus.Phase -eq 'Running' }
    }

    function New-GuardedPod([string] $Name, [string] $Node) {
        # A running pod whose PodDisruptionBudget never allows an eviction: a drain keeps retrying it.
        New-ManagedPod -Name $Name -Node $Node -OwnerUid $ownerUid -Labels @{ app = $Name }
        Wait-PodRunning $Name
        Invoke-KubectlApply "apiVersion: policy/v1`nkind: PodDisruptionBudget`nmetadata:`n  name: $Name`n  namespace: $ns`nspec:`n  minAvailable: 5`n  selector:`n    matchLabels:`n      app: $Name" | Out-Null
    }

    function Start-DrainJob([string] $Node, [int] $Timeout) {
        # The drain in a thread job, so the test can watch its warnings, change the cluster, or stop it.
        Start-ThreadJob -ArgumentList $ModulePath, $Node, $sandbox.Context, $Timeout -ScriptBlock {
            param($module, $node, $context, $timeout)
            Import-Module $module
            $limit = if ($timeout -gt 0) { @{ Timeout = $timeout } } else { @{} }
            Suspend-KubeNode $node -Drain -IgnoreDaemonSets -Context $context -Confirm:$false @limit
        }
    }

    # The test's pods on a node (the cluster's own DaemonSets run on every node too).
    function Get-PodNames([string] $Node) { @(Get-KubePod -Namespace $ns -Node $Node | ForEach-Object { "$ns/$($_.Metadata.Name)" } | Sort-Object) }

    $script:ownerUid = New-Owner $ns 'owner'
}

AfterAll { Stop-TestSandbox }

Describe 'Suspend-KubeNode and Resume-KubeNode (cordon, uncordon)' {
    BeforeAll { $script:node = Get-TestNode 'cordon-node' }

    It 'cordons and uncordons idempotently with kubectl''s lines' {
        (Suspend-KubeNode $node).Message | Should -Be "node/$node cordoned"
        Get-Unschedulable $node | Should -Be 'true'
        (Get-KubeNode $node).Spec.Unschedulable | Should -BeTrue
        (Suspend-KubeNode $node | Out-String).Trim() | Should -Be "node/$node already cordoned"
        Invoke-Kubectl cordon $node | Should -Be "node/$node already cordoned"

        (Resume-KubeNode $node).Message | Should -Be "node/$node uncordoned"
        Get-Unschedulable $node | Should -Be ''
        (Resume-KubeNode $node).Message | Should -Be "node/$node already uncordoned"
        Invoke-Kubectl uncordon $node | Should -Be "node/$node already uncordoned"

        Invoke-Kubectl cordon $node | Should -Be "node/$node cordoned"
        (Suspend-KubeNode $node).Message | Should -Be "node/$node already cordoned"
        Invoke-Kubectl uncordon $node | Should -Be "node/$node uncordoned"
    }

    It 'takes nodes from Get-KubeNode, writes them with -PassThru, and skips other kinds' {
        $updated = Get-KubeNode $node | Suspend-KubeNode -PassThru
        $updated.Spec.Unschedulable | Should -BeTrue
        $updated.PSObject.TypeNames | Should -Contain 'k8s.Models.V1Node'
        (Get-KubeNode $node | Resume-KubeNode -PassThru).Spec.Unschedulable | Should -Not -BeTrue
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: $node`n  namespace: $ns" | Out-Null
        Get-KubeConfigMap $node -Namespace $ns | Suspend-KubeNode -WarningVariable warned -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        "$($warned[0])" | Should -Be "configmap/$node skipped"
        Get-Unschedulable $node | Should -Be ''
    }

    It 'changes nothing with -WhatIf and reports a missing node like kubectl' {
        Suspend-KubeNode $node -WhatIf
        Get-Unschedulable $node | Should -Be ''
        Suspend-KubeNode nope, $node -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].Exception.Message | Should -Be 'unable to cordon node "nope": nodes "nope" not found'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-Unschedulable $node | Should -Be 'true' -Because 'the next node goes on'
        Resume-KubeNode $node | Out-Null
        { Suspend-KubeNode $node -Force -ErrorAction Stop } | Should -Throw '*need -Drain*'
        Get-Unschedulable $node | Should -Be ''
    }
}

Describe 'Suspend-KubeNode -Drain' {
    It 'refuses pods with no controller or with emptyDir data, listing them, and touches no pod' {
        $node = Get-TestNode 'refuse-node'
        New-TestPod -Namespace $ns -Name lonely -Node $node -Script 'sleep 3600' -TolerateAll
        New-ManagedPod -Name scratch -Node $node -OwnerUid $ownerUid -EmptyDir
        New-ManagedPod -Name fine -Node $node -OwnerUid $ownerUid
        $result = Suspend-KubeNode $node -Drain -IgnoreDaemonSets -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Drained | Should -BeFalse
        # kubectl's text, naming the cmdlet's own parameters (issue 20, line 14).
        $result.Errors | Should -Be @(
            "cannot delete Pods that declare no controller (use -Force to override): $ns/lonely"
            "cannot delete Pods with local storage (use -DeleteEmptyDirData to override): $ns/scratch")
        $result.Remaining | Should -Be @("$ns/fine", "$ns/lonely", "$ns/scratch")
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeDrainRefused*'
        $err[0].Exception.Message | Should -BeLike "unable to drain node `"$node`": *; node/$node stays cordoned"
        Get-PodNames $node | Should -Be @("$ns/fine", "$ns/lonely", "$ns/scratch")
        Get-Unschedulable $node | Should -Be 'true'

        $kubectl = Invoke-KubectlRaw drain $node --ignore-daemonsets
        $kubectl.ExitCode | Should -Be 1
        $text = $kubectl.Output -join "`n"
        $text | Should -Match ([regex]::Escape("cannot delete Pods that declare no controller (use --force to override): $ns/lonely"))
        $text | Should -Match ([regex]::Escape("cannot delete Pods with local storage (use --delete-emptydir-data to override): $ns/scratch"))
    }

    It 'leaves DaemonSet pods alone with -IgnoreDaemonSets and refuses them otherwise' {
        $node = Get-TestNode 'ds-node'
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: $ns
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      nodeSelector: { kubernetes.io/hostname: $node }
      tolerations: [{ operator: Exists }]
      containers:
      - name: c
        image: busybox
        command: ['sh', '-c', 'sleep 3600']
"@ | Out-Null
        # The DaemonSet controller's pod on the node, or (a sandbox without that controller) one made the way it would.
        $agentPod = try { Wait-Until -Seconds 4 -Because 'a DaemonSet pod' { Get-KubePod -Namespace $ns -Node $node -Selector app=agent } } catch { $null }
        if (-not $agentPod) {
            $dsUid = Invoke-Kubectl get daemonset agent -n $ns -o 'jsonpath={.metadata.uid}'
            New-TestPod -Namespace $ns -Name agent-manual -Node $node -Script 'sleep 3600' -Labels @{ app = 'agent' } -TolerateAll -OwnerKind DaemonSet -OwnerName agent -OwnerUid $dsUid
            $agentPod = Get-KubePod agent-manual -Namespace $ns
        }
        $agentKey = "$ns/$(@($agentPod)[0].Metadata.Name)"
        New-ManagedPod -Name movable -Node $node -OwnerUid $ownerUid

        $refused = Suspend-KubeNode $node -Drain -DisableEviction -Confirm:$false -ErrorAction SilentlyContinue
        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0] | Should -BeLike "cannot delete DaemonSet-managed Pods (use -IgnoreDaemonSets to ignore): *$agentKey*"

        $result = Suspend-KubeNode $node -Drain -IgnoreDaemonSets -DisableEviction -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        $result.Drained | Should -BeTrue
        $result.Evicted | Should -Be "$ns/movable"
        $result.Skipped.Pod | Should -Contain $agentKey
        ($result.Skipped | Where-Object Pod -eq $agentKey).Reason | Should -Be 'ignoring DaemonSet-managed Pods'
        "$($warned[0])" | Should -BeLike "ignoring DaemonSet-managed Pods: *$agentKey*"
        Get-PodNames $node | Should -Be $agentKey
    }

    It 'drains nothing with -WhatIf' {
        $node = Get-TestNode 'whatif-node'
        New-ManagedPod -Name stays -Node $node -OwnerUid $ownerUid
        Suspend-KubeNode $node -Drain -Force -IgnoreDaemonSets -WhatIf | Should -BeNullOrEmpty
        Get-Unschedulable $node | Should -Be ''
        Get-PodNames $node | Should -Be "$ns/stays"
    }

    It 'deletes instead of evicting with -DisableEviction, with the switches for every refused pod' {
        $node = Get-TestNode 'delete-node'
        New-TestPod -Namespace $ns -Name alone -Node $node -Script 'sleep 3600' -TolerateAll
        New-ManagedPod -Name cache -Node $node -OwnerUid $ownerUid -EmptyDir
        $result = Suspend-KubeNode $node -Drain -IgnoreDaemonSets -Force -DeleteEmptyDirData -DisableEviction -GracePeriod 0 -Confirm:$false -Verbose 4>&1 |
            Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $result.Drained | Should -BeTrue
        $result.Evicted | Sort-Object | Should -Be @("$ns/alone", "$ns/cache")
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Should -Contain 'pod/alone deleted'
        $verbose | Should -Contain "node/$node drained"
        Get-PodNames $node | Should -BeNullOrEmpty
        Get-Unschedulable $node | Should -Be 'true'
    }

    It 'evicts through the Eviction API and waits until the pods are gone, as kubectl drain does' {
        $node = Get-TestNode 'evict-node'
        New-ManagedPod -Name evict-a -Node $node -OwnerUid $ownerUid
        New-ManagedPod -Name evict-b -Node $node -OwnerUid $ownerUid
        $result = Suspend-KubeNode $node -Drain -IgnoreDaemonSets -Confirm:$false -Verbose 4>&1 | Tee-Object -Variable all |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $result.Drained | Should -BeTrue
        $result.Evicted | Sort-Object | Should -Be @("$ns/evict-a", "$ns/evict-b")
        @($all | ForEach-Object { "$_" }) | Should -Contain "evicting pod $ns/evict-a"
        @($all | ForEach-Object { "$_" }) | Should -Contain 'pod/evict-a evicted'
        Get-PodNames $node | Should -BeNullOrEmpty

        $kubectlNode = Get-TestNode 'kubectl-evict-node'
        New-ManagedPod -Name kevict-a -Node $kubectlNode -OwnerUid $ownerUid
        $kubectl = Invoke-KubectlRaw drain $kubectlNode --ignore-daemonsets
        $kubectl.ExitCode | Should -Be 0 -Because ($kubectl.Output -join "`n")
        $kubectl.Output | Should -Contain "evicting pod $ns/kevict-a"
        $kubectl.Output | Should -Contain 'pod/kevict-a evicted'
        $kubectl.Output | Should -Contain "node/$kubectlNode drained"
        Get-PodNames $kubectlNode | Should -BeNullOrEmpty
    }

    It 'evicts a Deployment''s pods from a served node, and their replacements never land on it' {
        $workers = @(Get-KubeNode | Where-Object { -not $_.Spec.Unschedulable -and $_.Metadata.Name -like 'sandbox-node-*' } | ForEach-Object { $_.Metadata.Name })
        $workers.Count | Should -BeGreaterOrEqual 2 -Because 'the sandbox registers worker nodes with a kubelet each'
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: spread
  namespace: $ns
spec:
  replicas: 4
  selector:
    matchLabels: { app: spread }
  template:
    metadata:
      labels: { app: spread }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: c
        image: busybox
        command: ['sh', '-c', 'sleep 3600']
"@ | Out-Null
        $placed = { @(Get-KubePod -Namespace $ns -Selector app=spread | Where-Object { $_.Spec.NodeName -and -not $_.Metadata.DeletionTimestamp }) }
        $pods = Wait-Until -Seconds 30 -Because 'four scheduled pods' { $p = & $placed; if ($p.Count -eq 4) { , $p } }
        $target = $pods[0].Spec.NodeName
        $onTarget = @($pods | Where-Object { $_.Spec.NodeName -eq $target } | ForEach-Object { "$ns/$($_.Metadata.Name)" } | Sort-Object)
        try {
            $result = Suspend-KubeNode $target -Drain -IgnoreDaemonSets -Timeout 60 -Confirm:$false
            $result.Drained | Should -BeTrue
            @($result.Evicted | Where-Object { $_ -like "$ns/spread-*" } | Sort-Object) | Should -Be $onTarget
            $after = Wait-Until -Seconds 30 -Because 'four replacements placed' { $p = & $placed; if ($p.Count -eq 4) { , $p } }
            Start-Sleep -Seconds 1
            @(& $placed | Where-Object { $_.Spec.NodeName -eq $target }) | Should -BeNullOrEmpty
            @($after | Where-Object { $_.Spec.NodeName -eq $target }) | Should -BeNullOrEmpty
        }
        finally { Resume-KubeNode $target | Out-Null }
    }

    It 'retries a pod a PodDisruptionBudget protects until the budget allows it' {
        $node = Get-TestNode 'pdb-node'
        New-GuardedPod guarded $node
        $job = Start-DrainJob $node -Timeout 60
        try {
            $retry = Wait-Until -Seconds 15 -Because 'a retry warning' { $job.Warning | Where-Object { "$_" -like "error when evicting*" } | Select-Object -First 1 }
            "$retry" | Should -Be "error when evicting pods/`"guarded`" -n `"$ns`" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."
            Get-PodNames $node | Should -Be "$ns/guarded"
            Invoke-Kubectl delete pdb guarded -n $ns | Out-Null
            $null = Wait-Job $job -Timeout 30
            $result = Receive-Job $job
            $result.Drained | Should -BeTrue
            $result.Evicted | Should -Be "$ns/guarded"
        }
        finally { Remove-Job $job -Force }
    }

    It 'stops promptly on Ctrl+C (a stopped job), leaving the node cordoned' {
        $node = Get-TestNode 'stop-node'
        New-GuardedPod held $node
        $job = Start-DrainJob $node
        try {
            try { $null = Wait-Until -Seconds 15 -Because 'the drain to be retrying' { $job.Warning | Where-Object { "$_" -like "error when evicting*" } | Select-Object -First 1 } }
            catch { throw "$_ (job $($job.State): $($job.Error) $(Receive-Job $job -Keep | Out-String))" }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Stop-Job $job
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            Get-Unschedulable $node | Should -Be 'true'
            Get-PodNames $node | Should -Be "$ns/held"
        }
        finally { Remove-Job $job -Force }
    }
}
