# The kubectl get half of the module against a real sandbox, with stock kubectl as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'get-tests'
    New-FixtureObjects -Namespace $ns
}

AfterAll { Stop-TestSandbox }

Describe 'Get-Kube<Kind> tables equal kubectl get' {
    BeforeDiscovery {
        $script:cases = @(
            @{ Cmdlet = 'Get-KubePod'; Kind = 'pods' }
            @{ Cmdlet = 'Get-KubeDeployment'; Kind = 'deployments' }
            @{ Cmdlet = 'Get-KubeReplicaSet'; Kind = 'replicasets' }
            @{ Cmdlet = 'Get-KubeDaemonSet'; Kind = 'daemonsets' }
            @{ Cmdlet = 'Get-KubeStatefulSet'; Kind = 'statefulsets' }
            @{ Cmdlet = 'Get-KubeService'; Kind = 'services' }
            @{ Cmdlet = 'Get-KubeEndpoints'; Kind = 'endpoints' }
            @{ Cmdlet = 'Get-KubePersistentVolumeClaim'; Kind = 'persistentvolumeclaims' }
            @{ Cmdlet = 'Get-KubeConfigMap'; Kind = 'configmaps' }
            @{ Cmdlet = 'Get-KubeSecret'; Kind = 'secrets' }
            @{ Cmdlet = 'Get-KubeJob'; Kind = 'jobs' }
            @{ Cmdlet = 'Get-KubeIngress'; Kind = 'ingresses' }
            @{ Cmdlet = 'Get-KubeEvent'; Kind = 'events' }
            @{ Cmdlet = 'Get-KubeNode'; Kind = 'nodes' }
            @{ Cmdlet = 'Get-KubePersistentVolume'; Kind = 'persistentvolumes' }
            @{ Cmdlet = 'Get-KubeNamespace'; Kind = 'namespaces' }
        )
    }

    It '<Cmdlet> | Out-String equals kubectl get <Kind>' -ForEach $cases {
        $ours = & $Cmdlet -Namespace $ns | Out-String -Width 2000
        $theirs = (Invoke-Kubectl get $Kind -n $ns) -join "`n"
        Assert-SameTable -Ours $ours -Kubectl $theirs
    }

    It '<Cmdlet> | Format-Table -View Wide equals kubectl get <Kind> -o wide' -ForEach $cases {
        $ours = & $Cmdlet -Namespace $ns | Format-Table -View Wide | Out-String -Width 2000
        $theirs = (Invoke-Kubectl get $Kind -n $ns -o wide) -join "`n"
        Assert-SameTable -Ours $ours -Kubectl $theirs
    }

    It 'puts NAMESPACE first with -AllNamespaces, like kubectl get -A' {
        $ours = Get-KubeConfigMap -AllNamespaces | Out-String -Width 2000
        $theirs = (Invoke-Kubectl get configmaps -A) -join "`n"
        Assert-SameTable -Ours $ours -Kubectl $theirs
    }
}

Describe 'Objects' {
    It 'carry the kubectl cells as sortable, filterable properties and keep the API fields' {
        $pods = Get-KubePod -Namespace $ns
        ($pods | Where-Object Name -eq 'web-a').Node | Should -Be 'n1'
        ($pods | Sort-Object Name).Name | Should -Be @('lonely', 'web-a', 'web-b')
        ($pods | Where-Object Restarts -eq 0).Count | Should -Be 3
        $pods[0].Age | Should -BeOfType [TimeSpan]
        $pods[0].Spec.Containers[0].Name | Should -Not -BeNullOrEmpty
        $pods[0].Metadata.NamespaceProperty | Should -Be $ns
        $pods[0].PSObject.TypeNames | Should -Contain 'k8s.Models.V1Pod'
        (Get-KubeConfigMap settings -Namespace $ns).Data['a'] | Should -Be '1'
        (Get-KubeConfigMap settings -Namespace $ns).DataText | Should -Be 2
    }

    It 'takes wildcards, label selectors as text or hashtable, and field selectors' {
        (Get-KubePod 'web-*' -Namespace $ns).Name | Should -Be @('web-a', 'web-b')
        (Get-KubePod -Namespace $ns -Selector 'app=web').Count | Should -Be 2
        (Get-KubePod -Namespace $ns -Selector @{ app = 'other' }).Name | Should -Be 'lonely'
        (Get-KubePod -Namespace $ns -FieldSelector 'spec.nodeName=n1').Name | Should -Be 'web-a'
        (Get-KubePod -Namespace $ns -Node n1).Name | Should -Be 'web-a'
        Get-KubePod 'nomatch-*' -Namespace $ns -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'reads large lists page by page' {
        $ours = Get-KubeResource namespaces -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($ours.Message -join "`n") | Should -Match 'limit=500'
    }
}

Describe 'Watch' {
    It 'streams changes after the list until stopped, like kubectl get -w' {
        # Read the collection by index: enumerating a PSDataCollection blocks until the producer ends.
        function Get-Written { for ($i = 0; $i -lt $output.Count; $i++) { $output[$i] } }
        $ps = [powershell]::Create()
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $null = $ps.AddScript("Import-Module '$ModulePath'; Get-KubeConfigMap -Namespace $ns -Context practicek8s-sandbox -Watch")
        $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ($output.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $output.Count | Should -BeGreaterThan 0 -Because 'the initial list is written first'
            Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: watched, namespace: $ns}`ndata: {k: v}" | Out-Null
            while (-not (Get-Written | Where-Object { $_.Name -eq 'watched' -and $_.WatchEvent -eq 'ADDED' }) -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }
            (Get-Written | Where-Object { $_.Name -eq 'watched' }).WatchEvent | Should -Contain 'ADDED'
            Invoke-Kubectl delete configmap watched -n $ns | Out-Null
            while (-not (Get-Written | Where-Object { $_.Name -eq 'watched' -and $_.WatchEvent -eq 'DELETED' }) -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }
            (Get-Written | Where-Object { $_.Name -eq 'watched' }).WatchEvent | Should -Contain 'DELETED'
        }
        finally {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2 -Because 'Ctrl+C ends a watch promptly'
            $ps.Dispose()
        }
    }
}

Describe 'Pipelines' {
    It 'Get-KubeDeployment web | Get-KubePod gives the deployment''s pods' {
        (Get-KubeDeployment web -Namespace $ns | Get-KubePod).Name | Should -Be @('web-a', 'web-b')
    }

    It 'Get-KubeService hello | Get-KubePod gives the service''s pods' {
        (Get-KubeService hello -Namespace $ns | Get-KubePod).Name | Should -Be @('web-a', 'web-b')
    }

    It 'Get-KubeNode n1 | Get-KubePod gives the pods on the node' {
        # Network and proxy DaemonSets tolerate every taint, as on a real cluster: check the relation.
        $pods = Get-KubeNode n1 | Get-KubePod
        $pods.Name | Should -Contain 'web-a'
        $pods.Node | Sort-Object -Unique | Should -Be 'n1'
        $pods.Name | Should -Not -Contain 'web-b'
    }

    It 'Get-KubeNamespace | Get-KubeConfigMap gives that namespace''s objects' {
        (Get-KubeNamespace $ns | Get-KubeConfigMap).Name | Should -Contain 'settings'
    }

    It 'Get-KubePod | Get-KubeEvent gives each pod''s events' {
        $events = Get-KubePod web-a -Namespace $ns | Get-KubeEvent
        ($events | Where-Object Message -eq 'Successfully assigned get-tests/web-a to n1').Reason | Should -Be 'Scheduled'
        $events.InvolvedObject.Name | Sort-Object -Unique | Should -Be 'web-a'
        (Get-KubePod lonely -Namespace $ns | Get-KubeEvent).InvolvedObject.Name | Sort-Object -Unique | Should -Be 'lonely'
    }

    It 'names from the pipeline' {
        ('web-a', 'lonely' | Get-KubePod -Namespace $ns).Name | Should -Be @('web-a', 'lonely')
    }
}

Describe 'Get-KubeResource' {
    It 'resolves kinds, plurals, short names and group-qualified names through discovery' {
        (Get-KubeResource -Kind po -Namespace $ns).Count | Should -Be 3
        (Get-KubeResource -Kind Deployment -Namespace $ns).Name | Should -Be 'web'
        (Get-KubeResource -Kind deployments.apps -Namespace $ns).Name | Should -Be 'web'
        (Get-KubeResource -Kind cm, secrets -Namespace $ns).Count | Should -BeGreaterOrEqual 2
    }

    It '-Kind all prints like kubectl get all, a table per kind' {
        $ours = (Get-KubeResource -Kind all -Namespace $ns | Out-String -Width 2000).Trim()
        $theirs = ((Invoke-Kubectl get all -n $ns) -join "`n").Trim()
        $ourBlocks = @($ours -split "`n\s*`n")
        $theirBlocks = @($theirs -split "`n\s*`n")
        $ourBlocks.Count | Should -Be $theirBlocks.Count
        for ($i = 0; $i -lt $theirBlocks.Count; $i++) { Assert-SameTable -Ours $ourBlocks[$i] -Kubectl $theirBlocks[$i] }
        (Get-KubeResource -Kind all -Namespace $ns | Where-Object Kind -eq 'Pod').Count | Should -Be 3
    }

    It '-Kind all -Wide prints like kubectl get all -o wide' {
        $ours = (Get-KubeResource -Kind all -Wide -Namespace $ns | Out-String -Width 2000).Trim()
        $theirs = ((Invoke-Kubectl get all -o wide -n $ns) -join "`n").Trim()
        $ourBlocks = @($ours -split "`n\s*`n")
        $theirBlocks = @($theirs -split "`n\s*`n")
        $ourBlocks.Count | Should -Be $theirBlocks.Count
        for ($i = 0; $i -lt $theirBlocks.Count; $i++) { Assert-SameTable -Ours $ourBlocks[$i] -Kubectl $theirBlocks[$i] }
    }

    It 'reports an unknown kind clearly' {
        { Get-KubeResource -Kind nosuchthing -ErrorAction Stop } | Should -Throw -ErrorId 'KubeResourceTypeNotFound,*' -ExpectedMessage '*doesn''t have a resource type "nosuchthing"*'
    }
}

Describe 'Errors' {
    It 'a missing object is a non-terminating ObjectNotFound per name' {
        $found = Get-KubePod nope, web-a -Namespace $ns -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'web-a'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeObjectNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Be 'pods "nope" not found'
        $err[0].TargetObject | Should -Be 'nope'
    }

    It 'a request the server forbids is PermissionDenied' {
        $err = $null
        try { Get-KubeSecret -Namespace $ns -Context practicek8s-sandbox-readonly -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.FullyQualifiedErrorId | Should -BeLike 'KubeForbidden,*'
    }

    It 'completes pod names from the live cluster' {
        $line = "Get-KubePod -Namespace $ns -Name web"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be @('web-a', 'web-b')
    }
}
