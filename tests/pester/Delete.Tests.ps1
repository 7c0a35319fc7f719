# Remove-KubeResource and the typed Remove-Kube* cmdlets (kubectl delete) against a sandbox.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    . "$PSScriptRoot/PtyHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox

    function script:Get-Live([string] $Kind, [string] $Name, [string] $Namespace) {
        (Invoke-Kubectl get $Kind $Name -n $Namespace -o json) -join "`n" | ConvertFrom-Json
    }

    function script:New-Objects([string] $Yaml) {
        Invoke-KubectlApply $Yaml | Out-Null
    }

    # A child pwsh (non-interactive) for what talks to the host: prompts and -WhatIf lines.
    function script:Invoke-InChild([string] $Command) {
        Invoke-ChildPwsh "Import-Module '$ModulePath'; $Command -Context $($sandbox.Context)" | ForEach-Object { "$_" }
    }

    $script:ns = 'delete-tests'
    New-Objects "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}"
}

AfterAll { Stop-TestSandbox }

Describe 'Remove-Kube<Kind> by name' {
    It 'deletes and prints kubectl''s line' {
        New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: one, namespace: $ns}"
        $result = Remove-KubeConfigMap one -Namespace $ns
        $result.Message | Should -BeExactly 'configmap "one" deleted'
        ($result | Out-String).Trim() | Should -BeExactly 'configmap "one" deleted'
        $result.Action | Should -Be 'deleted'
        Test-Exists configmap one $ns | Should -BeFalse
    }

    It 'reports a missing object as ObjectNotFound, or nothing with -IgnoreNotFound' {
        Remove-KubePod nope -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -BeExactly 'pods "nope" not found'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeObjectNotFound,*'
        Remove-KubePod nope -Namespace $ns -IgnoreNotFound -ErrorVariable quiet | Should -BeNullOrEmpty
        $quiet | Should -BeNullOrEmpty
    }

    It 'matches wildcards against the list' {
        New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: wild-a, namespace: $ns}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: wild-b, namespace: $ns}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: tame, namespace: $ns}"
        (Remove-KubeConfigMap 'wild-*' -Namespace $ns -Confirm:$false).Message | Should -Be @('configmap "wild-a" deleted', 'configmap "wild-b" deleted')
        Test-Exists configmap tame $ns | Should -BeTrue
    }

    It 'deletes any kind with Remove-KubeResource -Kind -Name' {
        New-Objects "apiVersion: v1`nkind: Secret`nmetadata: {name: s1, namespace: $ns}`nstringData: {a: b}"
        (Remove-KubeResource secrets s1 -Namespace $ns).Message | Should -Be 'secret "s1" deleted'
        Test-Exists secret s1 $ns | Should -BeFalse
        { Remove-KubeResource gadgets g1 -Namespace $ns -ErrorAction Stop } | Should -Throw '*the server doesn''t have a resource type "gadgets"*'
    }

    It 'warns once when a cluster-scoped kind is given a namespace' {
        New-Objects "apiVersion: v1`nkind: Namespace`nmetadata: {name: scoped-x}"
        $result = Remove-KubeResource namespace scoped-x -Namespace $ns -Confirm:$false -WarningVariable warnings 3>$null
        $result.Message | Should -Be 'namespace "scoped-x" deleted'
        $warnings | Should -Be 'deleting cluster-scoped resources, not scoped to the provided namespace'
    }
}

Describe 'Remove-Kube<Kind> from the pipeline' {
    It 'deletes the objects of a Get cmdlet' {
        New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: p1, namespace: $ns, labels: {batch: pipe}}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: p2, namespace: $ns, labels: {batch: pipe}}"
        (Get-KubeConfigMap -Namespace $ns -Selector batch=pipe | Remove-KubeConfigMap -Confirm:$false).Message | Should -Be @('configmap "p1" deleted', 'configmap "p2" deleted')
        Test-Exists configmap p1 $ns | Should -BeFalse
    }

    It 'refuses an object of another kind, and leaves the same-named object alone' {
        New-Objects @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: twin, namespace: $ns}
spec:
  replicas: 0
  selector: {matchLabels: {app: twin}}
  template:
    metadata: {labels: {app: twin}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: twin, namespace: $ns}
spec: {containers: [{name: c, image: busybox}]}
"@
        Get-KubeDeployment twin -Namespace $ns | Remove-KubePod -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeKindMismatch,*'
        $problems[0].Exception.Message | Should -Be 'Remove-KubePod acts on Pod objects, but the input is a Deployment ("twin")'
        Test-Exists pod twin $ns | Should -BeTrue
        Test-Exists deployment twin $ns | Should -BeTrue
    }

    It 'takes names as strings, and any kind through Remove-KubeResource' {
        New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: s-a, namespace: $ns}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: s-b, namespace: $ns}"
        ('s-a', 's-b' | Remove-KubeConfigMap -Namespace $ns -Confirm:$false).Message | Should -Be @('configmap "s-a" deleted', 'configmap "s-b" deleted')
        (Get-KubeResource deployments twin -Namespace $ns | Remove-KubeResource).Message | Should -Be 'deployment.apps "twin" deleted'
        Test-Exists deployment twin $ns | Should -BeFalse
        Test-Exists pod twin $ns | Should -BeTrue
    }

    It 'deletes custom resources piped from Get-KubeResource' {
        Invoke-KubectlApply @"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
"@ | Out-Null
        Wait-Until -Seconds 15 { (Invoke-KubectlRaw get widgets -n $ns).ExitCode -eq 0 }
        New-Objects "apiVersion: example.com/v1`nkind: Widget`nmetadata: {name: w1, namespace: $ns}`nsize: 3"
        (Get-KubeResource widgets w1 -Namespace $ns | Remove-KubeResource).Message | Should -Be 'widget.example.com "w1" deleted'
        Test-Exists widget w1 $ns | Should -BeFalse
    }
}

Describe 'Remove-KubeResource -Path' {
    BeforeAll {
        $script:file = Join-Path $TestDrive 'pair.yaml'
        Set-Content $file "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: f-a}`n---`napiVersion: v1`nkind: Secret`nmetadata: {name: f-b}`nstringData: {k: v}"
    }

    It 'deletes what a manifest describes, in the given namespace' {
        Invoke-Kubectl apply -f $file -n $ns | Out-Null
        (Remove-KubeResource -Path $file -Namespace $ns).Message | Should -Be @('configmap "f-a" deleted', 'secret "f-b" deleted')
        Test-Exists configmap f-a $ns | Should -BeFalse
        Test-Exists secret f-b $ns | Should -BeFalse
    }

    It 'names the file when an object is not there, and deletes the others' {
        Invoke-Kubectl create -f $file -n $ns | Out-Null
        Invoke-Kubectl delete configmap f-a -n $ns | Out-Null
        $results = Remove-KubeResource -Path $file -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue
        $results.Message | Should -Be 'secret "f-b" deleted'
        $problems[0].Exception.Message | Should -BeLike "error when deleting configmap/f-a from `"$file`", document 1*configmaps `"f-a`" not found"
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reads files piped from Get-ChildItem' {
        Invoke-Kubectl create -f $file -n $ns | Out-Null
        (Get-Item $file | Remove-KubeResource -Namespace $ns).Message | Should -Be @('configmap "f-a" deleted', 'secret "f-b" deleted')
    }
}

Describe 'Confirmation and -WhatIf' {
    BeforeEach {
        New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: team-1, namespace: $ns, labels: {team: a}}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: team-2, namespace: $ns, labels: {team: a}}"
    }

    It '-WhatIf deletes nothing and lists what a selector would delete, once' {
        $before = (Get-Live configmap team-1 $ns).metadata.resourceVersion
        $output = Invoke-InChild "Remove-KubeConfigMap -Selector team=a -Namespace $ns -WhatIf"
        $output | Should -Contain "What if: Performing the operation `"Delete`" on target `"configmap/team-1, configmap/team-2 in namespace $ns`"."
        (Get-Live configmap team-1 $ns).metadata.resourceVersion | Should -Be $before
        Test-Exists configmap team-2 $ns | Should -BeTrue
    }

    It 'asks before a selector deletes several objects (here: refused, as no one can answer)' {
        $output = Invoke-InChild "Remove-KubeConfigMap -Selector team=a -Namespace $ns" | Out-String
        $output | Should -Match 'NonInteractive'
        Test-Exists configmap team-1 $ns | Should -BeTrue
        Test-Exists configmap team-2 $ns | Should -BeTrue
    }

    It 'deletes them all with -Confirm:$false' {
        (Remove-KubeResource configmaps -Selector @{ team = 'a' } -Namespace $ns -Confirm:$false).Message | Should -Be @('configmap "team-1" deleted', 'configmap "team-2" deleted')
        Test-Exists configmap team-1 $ns | Should -BeFalse
    }

    It 'asks once, listing the count, before deleting several piped objects (here: refused, as no one can answer)' {
        $output = Invoke-InChild "Get-KubeConfigMap -Selector team=a -Namespace $ns -Context $($sandbox.Context) | Remove-KubeConfigMap" | Out-String
        $output | Should -Match 'NonInteractive'
        ([regex]::Matches($output, 'NonInteractive')).Count | Should -Be 1 -Because 'one question for the group, not one per object'
        Test-Exists configmap team-1 $ns | Should -BeTrue
        Test-Exists configmap team-2 $ns | Should -BeTrue
    }

    It 'in a terminal: Enter keeps the namespace (the question defaults to No)' {
        # Issue 20, line 12: Enter deleted the namespace.
        New-Objects "apiVersion: v1`nkind: Namespace`nmetadata: {name: kept}"
        $runner = Join-Path $TestDrive 'prompts.ps1'
        Set-Content $runner @"
Import-Module '$ModulePath'
Remove-KubeNamespace kept -Context $($sandbox.Context)
"kept: `$([bool](Get-KubeNamespace kept -Context $($sandbox.Context) -ErrorAction SilentlyContinue))"
"@
        $line = (@(Get-TestPwsh) + @('-NoProfile', '-File', $runner) | ForEach-Object { "'$_'" }) -join ' '
        $text = Invoke-PtySession $line -Steps @(@{ Wait = 'target "namespace/kept"[\s\S]*default is'; Pause = 200; Send = "`r" })
        $text | Should -Match '\(default is "N"\)'
        $text | Should -Match 'kept: True'
        Test-Exists namespace kept | Should -BeTrue
    }

    It 'asks before deleting a namespace (ConfirmImpact High)' {
        New-Objects "apiVersion: v1`nkind: Namespace`nmetadata: {name: precious}"
        $output = Invoke-InChild 'Remove-KubeNamespace precious' | Out-String
        $output | Should -Match 'NonInteractive'
        Test-Exists namespace precious | Should -BeTrue
        $output = Invoke-InChild 'Remove-KubeResource namespace precious' | Out-String
        $output | Should -Match 'NonInteractive'
        Test-Exists namespace precious | Should -BeTrue
        (Get-Command Remove-KubeNamespace).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        (Get-Command Remove-KubePersistentVolumeClaim).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Grace period, -Force, -Cascade and -Wait' {
    It 'deletes a running pod gracefully, and -Wait returns once it is gone' {
        New-Objects "apiVersion: v1`nkind: Pod`nmetadata: {name: slow, namespace: $ns}`nspec: {nodeName: n1, terminationGracePeriodSeconds: 30, containers: [{name: c, image: busybox}]}"
        $result = Remove-KubePod slow -Namespace $ns -GracePeriod 2
        $result.Message | Should -Be 'pod "slow" deleted'
        (Get-Live pod slow $ns).metadata.deletionTimestamp | Should -Not -BeNullOrEmpty -Because 'a graceful delete leaves the pod terminating'
        New-Objects "apiVersion: v1`nkind: Pod`nmetadata: {name: slow2, namespace: $ns}`nspec: {nodeName: n1, terminationGracePeriodSeconds: 30, containers: [{name: c, image: busybox}]}"
        $watch = [Diagnostics.Stopwatch]::StartNew()
        (Remove-KubePod slow2 -Namespace $ns -GracePeriod 2 -Wait -Timeout 20).Message | Should -Be 'pod "slow2" deleted'
        Test-Exists pod slow2 $ns | Should -BeFalse
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 1
    }

    It 'fails -Wait with KubeTimeout when the object outlives -Timeout' {
        New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: held, namespace: $ns, finalizers: [example.com/hold]}"
        Remove-KubeConfigMap held -Namespace $ns -Wait -Timeout 1 -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        $problems[-1].FullyQualifiedErrorId | Should -BeLike 'KubeTimeout,*'
        $problems[-1].Exception.Message | Should -Be 'timed out waiting for the deletion of configmap/held'
        Invoke-Kubectl patch configmap held -n $ns --type merge -p '{"metadata":{"finalizers":null}}' | Out-Null
    }

    It 'force-deletes at once with -Force, and warns' {
        New-Objects "apiVersion: v1`nkind: Pod`nmetadata: {name: stuck, namespace: $ns}`nspec: {nodeName: n1, terminationGracePeriodSeconds: 600, containers: [{name: c, image: busybox}]}"
        $result = Remove-KubePod stuck -Namespace $ns -Force -WarningVariable warnings 3>$null
        $result.Message | Should -Be 'pod "stuck" force deleted'
        $warnings[0] | Should -BeLike 'Immediate deletion does not wait for confirmation*'
        Test-Exists pod stuck $ns | Should -BeFalse
        { Remove-KubePod stuck -Namespace $ns -Force -GracePeriod 5 -ErrorAction Stop } | Should -Throw '*-Force means a grace period of 0*'
    }

    Context 'cascade (garbage collector)' {
        BeforeEach {
            New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: owner, namespace: $ns}"
            $uid = (Get-Live configmap owner $ns).metadata.uid
            New-Objects "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: dependent, namespace: $ns, ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: $uid}]}"
        }

        It 'Background removes dependents after the owner' {
            Remove-KubeConfigMap owner -Namespace $ns | Out-Null
            Wait-Until -Seconds 15 { -not (Test-Exists configmap dependent $ns) }
        }

        It 'Orphan keeps dependents, without their owner reference' {
            Remove-KubeConfigMap owner -Namespace $ns -Cascade Orphan -Wait -Timeout 15 | Out-Null
            Start-Sleep -Milliseconds 500
            Test-Exists configmap dependent $ns | Should -BeTrue
            (Get-Live configmap dependent $ns).metadata.ownerReferences | Should -BeNullOrEmpty
            Invoke-Kubectl delete configmap dependent -n $ns | Out-Null
        }

        It 'Foreground with -Wait returns after the dependents are gone' {
            Remove-KubeConfigMap owner -Namespace $ns -Cascade Foreground -Wait -Timeout 15 | Out-Null
            Test-Exists configmap owner $ns | Should -BeFalse
            Test-Exists configmap dependent $ns | Should -BeFalse
        }
    }

    It 'waits for a namespace to finish terminating' {
        New-Objects "apiVersion: v1`nkind: Namespace`nmetadata: {name: short-lived}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: inside, namespace: short-lived}"
        (Remove-KubeNamespace short-lived -Wait -Timeout 30 -Confirm:$false).Message | Should -Be 'namespace "short-lived" deleted'
        Test-Exists namespace short-lived | Should -BeFalse
    }
}
