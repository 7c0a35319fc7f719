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

Describe 'Objects in other formats' {
    BeforeAll {
        function ConvertTo-SortedJson($Value) {
            # Key order differs (the server writes Go struct order, the models theirs) and the models
            # drop fields the server sends as null (an event's eventTime): compare sorted, without nulls.
            function Sort-Value($v) {
                if ($v -is [System.Collections.IDictionary]) {
                    $sorted = [ordered]@{}
                    foreach ($key in $v.Keys | Sort-Object) { if ($null -ne $v[$key]) { $sorted[$key] = Sort-Value $v[$key] } }
                    return $sorted
                }
                if ($v -is [System.Collections.IList]) { return , @($v | ForEach-Object { Sort-Value $_ }) }
                $v
            }
            Sort-Value ($Value | ConvertFrom-Json -AsHashtable) | ConvertTo-Json -Depth 100 -Compress
        }
    }

    It 'ConvertTo-Json of a <Cmdlet> object gives the API JSON, whole at the default -Depth' -ForEach $cases {
        $first = & $Cmdlet -Namespace $ns | Select-Object -First 1
        # Objects the controllers keep updating (a node's heartbeat) may move between the two reads.
        for ($try = 0; $try -lt 3; $try++) {
            $theirs = ConvertTo-SortedJson ((Invoke-Kubectl get $Kind $first.Name -n $ns -o json --show-managed-fields) -join "`n")
            $json = & $Cmdlet $first.Name -Namespace $ns | ConvertTo-Json -WarningVariable truncated
            if ((ConvertTo-SortedJson $json) -eq $theirs) { break }
        }
        ConvertTo-SortedJson $json | Should -Be $theirs
        $truncated | Should -BeNullOrEmpty
    }

    It 'the JSON holds only the API fields, not the table cells' {
        $fields = (Get-KubeDeployment web -Namespace $ns | ConvertTo-Json | ConvertFrom-Json -AsHashtable).Keys | Sort-Object
        $fields | Should -Be @('apiVersion', 'kind', 'metadata', 'spec', 'status')
        $row = Get-KubeResource -Kind all -Namespace $ns | Select-Object -First 1
        ($row | ConvertTo-Json | ConvertFrom-Json -AsHashtable).Keys | Should -Not -Contain 'KubeTableText'
        ($row | Out-String -Width 2000) | Should -Match '(?m)^NAME\s+READY\s+STATUS'
    }

    It 'one object counts as one and is its own first element, as any PowerShell object' {
        $pod = Get-KubePod lonely -Namespace $ns
        $pod.Count | Should -Be 1
        $pod[0].Name | Should -Be 'lonely'
        @(Get-KubePod lonely -Namespace $ns).Count | Should -Be 1
        $pod | Out-String -Width 2000 | Should -Match '(?m)^lonely\s'
    }

    It 'Get-Member and Select-Object * show the cells and the API fields, nothing of the JSON view' {
        $names = (Get-KubePod lonely -Namespace $ns | Get-Member -MemberType Properties).Name
        foreach ($name in 'Name', 'Namespace', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'ApiStatus', 'Metadata', 'Spec') {
            $names | Should -Contain $name
        }
        foreach ($name in 'Keys', 'Values', 'Count', 'SyncRoot', 'IsFixedSize') { $names | Should -Not -Contain $name }
        $all = (Get-KubePod lonely -Namespace $ns | Select-Object *).PSObject.Properties.Name
        $all | Should -Contain 'Ready'
        $all | Should -Contain 'Spec'
        foreach ($name in 'Keys', 'Values', 'Count', 'SyncRoot', 'IsFixedSize') { $all | Should -Not -Contain $name }
    }

    It 'ConvertTo-Csv writes the table''s properties' {
        $rows = Get-KubePod -Namespace $ns | Sort-Object Name | ConvertTo-Csv | ConvertFrom-Csv
        ($rows[0].PSObject.Properties.Name) | Should -Be @('Name', 'Namespace', 'Ready', 'Status', 'Restarts', 'IP', 'Node', 'NominatedNode', 'ReadinessGates', 'Age')
        $rows.Name | Should -Be @('lonely', 'web-a', 'web-b')
        ($rows | Where-Object Name -eq 'web-a').Node | Should -Be 'n1'
    }

    It 'a job''s copy (CLIXML, as Start-Job and Invoke-Command send it) keeps every API field' {
        $path = Join-Path $TestDrive 'pod.xml'
        Get-KubePod web-a -Namespace $ns | Export-Clixml $path
        $copy = Import-Clixml $path
        $copy.metadata.name | Should -Be 'web-a'
        $copy.spec.containers[0].name | Should -Be (Invoke-Kubectl get pod web-a -n $ns -o jsonpath='{.spec.containers[0].name}')
        $copy.spec.nodeName | Should -Be 'n1'
        ($copy | Out-String) | Should -Match '(?m)^apiVersion\s+v1' -Because 'a copy prints as the hashtable of API fields it is'
    }

    It 'the objects still change and go back through the cmdlets' {
        $map = Get-KubeConfigMap settings -Namespace $ns
        $map.Data['b'] = 'edited'
        $map | Publish-KubeResource | Out-Null
        Invoke-Kubectl get configmap settings -n $ns -o jsonpath='{.data.b}' | Should -Be 'edited'
        ($map | ConvertTo-KubeYaml) | Should -Match 'b: edited'
        Set-KubeLabel -InputObject $map -Label @{ tier = 'edited' } | Out-Null
        Invoke-Kubectl get configmap settings -n $ns -o jsonpath='{.metadata.labels.tier}' | Should -Be 'edited'
    }
}

Describe 'Watch' {
    It 'streams changes after the list until stopped, like kubectl get -w' {
        # Read the collection by index: enumerating a PSDataCollection blocks until the producer ends.
        function Get-Written { for ($i = 0; $i -lt $output.Count; $i++) { $output[$i] } }
        $ps = [powershell]::Create()
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $null = $ps.AddScript("Import-Module '$ModulePath'; Get-KubeConfigMap -Namespace $ns -Context practicek8s -Watch")
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
            $added = Get-Written | Where-Object { $_.Name -eq 'watched' } | Select-Object -First 1
            ($added | ConvertTo-Json | ConvertFrom-Json -AsHashtable).Keys | Should -Not -Contain 'WatchEvent'
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

Describe 'What a newcomer types (issue 20)' {
    It 'line 1: unquoted comma lists for -Selector and -FieldSelector are joined with commas' {
        (Get-KubePod -Namespace $ns -Selector app=web, app!=other).Name | Should -Be @('web-a', 'web-b')
        (Get-KubePod -Namespace $ns -FieldSelector spec.nodeName=n1, metadata.name=web-a).Name | Should -Be 'web-a'
    }

    It 'line 2: Get-KubeResource all | Format-Table -View Wide prints every kind as a table, like kubectl get all -o wide' {
        $theirs = ((Invoke-Kubectl get all -o wide -n $ns) -join "`n").Trim()
        $theirBlocks = @($theirs -split "`n\s*`n")
        foreach ($ours in @(
                (Get-KubeResource all -Namespace $ns | Format-Table -View Wide | Out-String -Width 2000).Trim()
                (Get-KubeResource all -Namespace $ns -Wide | Out-String -Width 2000).Trim())) {
            $ours | Should -Not -Match 'Age\s*:'
            $ourBlocks = @($ours -split "`n\s*`n")
            $ourBlocks.Count | Should -Be $theirBlocks.Count -Because "every kind is a table`n$ours"
            for ($i = 0; $i -lt $theirBlocks.Count; $i++) { Assert-SameTable -Ours $ourBlocks[$i] -Kubectl $theirBlocks[$i] }
        }
    }

    It 'line 3: every Get cmdlet takes -Wide and prints kubectl get -o wide; the objects stay the same' {
        foreach ($case in @(
                @{ Cmdlet = 'Get-KubePod'; Kind = 'pods' }, @{ Cmdlet = 'Get-KubeNode'; Kind = 'nodes' }
                @{ Cmdlet = 'Get-KubeService'; Kind = 'services' }, @{ Cmdlet = 'Get-KubeDeployment'; Kind = 'deployments' }
                @{ Cmdlet = 'Get-KubeReplicaSet'; Kind = 'replicasets' }, @{ Cmdlet = 'Get-KubeDaemonSet'; Kind = 'daemonsets' }
                @{ Cmdlet = 'Get-KubeStatefulSet'; Kind = 'statefulsets' }, @{ Cmdlet = 'Get-KubeJob'; Kind = 'jobs' }
                @{ Cmdlet = 'Get-KubeEvent'; Kind = 'events' }, @{ Cmdlet = 'Get-KubeIngress'; Kind = 'ingresses' })) {
            $ours = & $case.Cmdlet -Namespace $ns -Wide | Out-String -Width 2000
            Assert-SameTable -Ours $ours -Kubectl ((Invoke-Kubectl get $case.Kind -n $ns -o wide) -join "`n")
        }
        (Get-Command Get-Kube* -CommandType Cmdlet | Where-Object { $_.ImplementingType.IsSubclassOf([PracticeK8s.Cmdlets.Get.GetKubeObjectCommand]) } |
            Where-Object { -not $_.Parameters.ContainsKey('Wide') }).Name | Should -BeNullOrEmpty
        $wide = Get-KubePod web-a -Namespace $ns -Wide
        $plain = Get-KubePod web-a -Namespace $ns
        $wide.GetType() | Should -Be $plain.GetType()
        ($wide | ConvertTo-Json -Depth 20) | Should -Be ($plain | ConvertTo-Json -Depth 20)
        $wide.Node | Should -Be 'n1'
    }

    It 'line 4: Get-KubeNamespace | Get-KubePod shows a NAMESPACE column, as -AllNamespaces does' {
        $ours = Get-KubeNamespace | Get-KubePod | Out-String -Width 2000
        $theirs = Invoke-Kubectl get pods -A
        $ourLines = @($ours -split "`r?`n" | Where-Object { $_.Trim() })
        $ourLines[0] -split '\s{2,}' | Should -Be ($theirs[0] -split '\s{2,}')
        # Each namespace is its own list, so its rows are aligned over it: compare cells, not positions.
        $ourLines.Count | Should -Be $theirs.Count
        for ($i = 1; $i -lt $theirs.Count; $i++) {
            $mine = -split $ourLines[$i]; $their = -split $theirs[$i]
            $mine[0..3] | Should -Be $their[0..3] -Because "row $i`n$ours"
        }
        (Get-KubeNamespace $ns | Get-KubePod | Format-Table | Out-String -Width 2000) | Should -Match '(?m)^NAMESPACE\s'
    }

    It 'line 6: every table prints in kubectl''s style and no cell is cut, at 80 columns too' {
        foreach ($run in @(
                @{ Ours = { Get-KubePod -AllNamespaces }; Kubectl = @('get', 'pods', '-A') }
                @{ Ours = { Get-KubeNode -Wide }; Kubectl = @('get', 'nodes', '-o', 'wide') }
                @{ Ours = { Get-KubeEvent -Namespace $ns }; Kubectl = @('get', 'events', '-n', $ns) }
                @{ Ours = { Get-KubeConfigMap -Namespace $ns }; Kubectl = @('get', 'configmaps', '-n', $ns) })) {
            $narrow = & $run.Ours | Out-String -Width 80
            $theirs = Invoke-Kubectl @($run.Kubectl)
            $narrow | Should -Not -Match '…'
            $narrow | Should -Not -Match '(?m)^-+ '
            $lines = @((Join-WrappedLines $narrow.Trim() 80) -split "`n")
            $lines.Count | Should -Be $theirs.Count
            $lines[0] | Should -BeExactly $theirs[0].TrimEnd()
            Get-ColumnStarts $lines[0] | Should -Be (Get-ColumnStarts $theirs[0])
            Assert-SameTable -Ours ($lines -join "`n") -Kubectl ($theirs -join "`n")
        }
        # Rows are objects: a filtered or sorted listing still starts with its header, and the objects carry no table text.
        $sorted = @((Get-KubePod -Namespace $ns | Sort-Object Name -Descending | Out-String -Width 2000).Trim() -split "`r?`n")
        $sorted[0] | Should -Match '^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$'
        ($sorted | Select-Object -Skip 1 | ForEach-Object { ($_ -split '\s+')[0] }) | Should -Be @('web-b', 'web-a', 'lonely')
        $filtered = @((Get-KubePod -Namespace $ns | Where-Object Name -ne 'lonely' | Out-String -Width 2000).Trim() -split "`r?`n")
        $filtered[0] | Should -Match '^NAME\s+READY'
        $filtered.Count | Should -Be 3
        (Get-KubePod lonely -Namespace $ns | Select-Object *).PSObject.Properties.Name | Should -Not -Contain 'KubeTableText'
    }

    It 'line 5: an empty listing says so, as kubectl does, on the information stream only' {
        $out = Get-KubePod -Namespace nosuchns 6>$null
        $out | Should -BeNullOrEmpty
        $info = Get-KubePod -Namespace nosuchns 6>&1
        "$info" | Should -Be ((Invoke-KubectlRaw get pods -n nosuchns).Output -join '')
        "$(Get-KubePod -Namespace $ns -Selector app=none 6>&1)" | Should -Be "No resources found in $ns namespace."
    }

    It 'line 7: the default StorageClass is marked in the NAME cell, and its Name stays the name' {
        $ours = Get-KubeResource storageclasses | Out-String -Width 2000
        Assert-SameTable -Ours $ours -Kubectl ((Invoke-Kubectl get storageclasses) -join "`n")
        $ours | Should -Match '\(default\)'
        (Get-KubeResource storageclasses).Name | Should -Not -Match 'default'
    }

    It 'line 8: Get-KubeContext -Current shows the namespace Use-KubeContext -Namespace set for the session' {
        $context = (Get-KubeContext -Current).Name
        try {
            Use-KubeContext $context -Namespace kube-system
            (Get-KubeContext -Current).Namespace | Should -Be 'kube-system'
            (Use-KubeContext $context -Namespace kube-public -PassThru).Namespace | Should -Be 'kube-public'
        }
        finally { Use-KubeContext $context }
        (Get-KubeContext -Current).Namespace | Should -Not -Be 'kube-public'
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
        try { Get-KubeSecret -Namespace $ns -Context practicek8s-readonly -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.FullyQualifiedErrorId | Should -BeLike 'KubeForbidden,*'
    }

    It 'completes pod names from the live cluster' {
        $line = "Get-KubePod -Namespace $ns -Name web"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be @('web-a', 'web-b')
    }
}
