# Shared by the Pester files that run pods and wait on the cluster: pods bound to a node whose containers the sandbox runs as
# local processes, and waiting for what they write.

function Get-TestNode {
    # A worker node of the sandbox (the bootstrap nodes when the sandbox registers them), created
    # when the sandbox has none, so pods can be bound to it by spec.nodeName.
    param([string] $Name = 'sandbox-node-1')
    $existing = @(Get-KubeNode -ErrorAction SilentlyContinue | ForEach-Object { $_.Metadata.Name })
    if ($existing -notcontains $Name) {
        Invoke-KubectlApply @"
apiVersion: v1
kind: Node
metadata:
  name: $Name
  labels:
    kubernetes.io/hostname: $Name
"@ | Out-Null
    }
    $Name
}

function New-TestPod {
    # A pod bound to a node; each container runs "sh -c <script>" (busybox image: a local shell).
    param(
        [Parameter(Mandatory)] [string] $Namespace,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Node,
        [System.Collections.IDictionary] $Containers = @{},
        [string] $Script,
        [string] $RestartPolicy = 'Always',
        [hashtable] $Labels = @{},
        [hashtable] $Annotations = @{},
        [switch] $EmptyDir,
        # Tolerate every taint: kubelet-less test nodes turn NotReady and their untolerating pods are evicted.
        [switch] $TolerateAll,
        [string] $OwnerKind,
        [string] $OwnerName,
        [string] $OwnerUid,
        [string] $OwnerApiVersion = 'apps/v1'
    )
    if ($Script) { $Containers = [ordered]@{ c = $Script } }
    $labelsYaml = ($Labels.GetEnumerator() | ForEach-Object { "    $($_.Key): '$($_.Value)'" }) -join "`n"
    $annotationsYaml = ($Annotations.GetEnumerator() | ForEach-Object { "    $($_.Key): '$($_.Value)'" }) -join "`n"
    $containersYaml = ($Containers.GetEnumerator() | ForEach-Object {
            $script = $_.Value -replace "'", "''"
            "  - name: $($_.Key)`n    image: busybox`n    command: ['sh', '-c', '$script']" + $(if ($EmptyDir) { "`n    volumeMounts:`n    - name: scratch`n      mountPath: /scratch" } else { '' })
        }) -join "`n"
    $owner = if ($OwnerKind) { "  ownerReferences:`n  - apiVersion: $OwnerApiVersion`n    kind: $OwnerKind`n    name: $OwnerName`n    uid: $OwnerUid`n    controller: true" } else { '' }
    $yaml = @"
apiVersion: v1
kind: Pod
metadata:
  name: $Name
  namespace: $Namespace
$(if ($labelsYaml) { "  labels:`n$labelsYaml" })
$(if ($annotationsYaml) { "  annotations:`n$annotationsYaml" })
$owner
spec:
  nodeName: $Node
  restartPolicy: $RestartPolicy
  terminationGracePeriodSeconds: 1
$(if ($TolerateAll) { '  tolerations: [{ operator: Exists }]' })
  containers:
$containersYaml
$(if ($EmptyDir) { "  volumes:`n  - name: scratch`n    emptyDir: {}" })
"@
    Invoke-KubectlApply $yaml | Out-Null
}

function Wait-Until {
    # Polls a condition (a script block returning something truthy) for up to -Seconds.
    param([Parameter(Mandatory)] [scriptblock] $Condition, [double] $Seconds = 20, [string] $Because = 'the condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        $value = try { & $Condition } catch { $null }
        if ($value) { return $value }
        Start-Sleep -Milliseconds 100
    }
    throw "timed out after $Seconds s waiting for $Because"
}

function Wait-PodLog {
    # Waits until the pod's log (as one string) matches the pattern; returns the log lines.
    param([Parameter(Mandatory)] [string] $Namespace, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Match,
        [string] $Container, [switch] $Previous)
    $extra = @{}
    if ($Container) { $extra.Container = $Container }
    if ($Previous) { $extra.Previous = $true }
    Wait-Until -Because "log of $Namespace/$Name to match '$Match'" {
        $lines = @(Get-KubeLog $Name -Namespace $Namespace @extra -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        if (($lines -join "`n") -match $Match) { , $lines }
    }
}

function New-TestNamespace([string] $Name) {
    Invoke-Kubectl create namespace $Name | Out-Null
    $Name
}
