# Get-KubeLog against pods with known output, with stock kubectl logs as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:node = Get-TestNode
    $script:ns = New-TestNamespace 'logs-tests'
    New-TestPod -Namespace $ns -Name counter -Node $node -Script 'for i in 1 2 3 4 5; do echo line $i; done; sleep 3600' -Labels @{ app = 'counter' }
    New-TestPod -Namespace $ns -Name two -Node $node -Containers ([ordered]@{ a = 'echo from a; sleep 3600'; b = 'echo from b; sleep 3600' })
    New-TestPod -Namespace $ns -Name chosen -Node $node -Containers ([ordered]@{ a = 'echo from a; sleep 3600'; b = 'echo from b; sleep 3600' }) `
        -Annotations @{ 'kubectl.kubernetes.io/default-container' = 'b' }
    $null = Wait-PodLog -Namespace $ns -Name counter -Match 'line 5'
}

AfterAll { Stop-TestSandbox }

Describe 'Get-KubeLog of a pod with known output' {
    It 'writes the lines as strings, the same as kubectl logs' {
        $ours = Get-KubeLog counter -Namespace $ns
        $ours | Should -Be @('line 1', 'line 2', 'line 3', 'line 4', 'line 5')
        $ours | Should -Be @(Invoke-Kubectl logs counter -n $ns)
    }

    It 'takes -Tail like kubectl --tail' {
        $ours = Get-KubeLog counter -Namespace $ns -Tail 2
        $ours | Should -Be @('line 4', 'line 5')
        $ours | Should -Be @(Invoke-Kubectl logs counter -n $ns --tail=2)
    }

    It 'prefixes RFC 3339 timestamps with -Timestamps and parses them with -AsObject' {
        $stamped = Get-KubeLog counter -Namespace $ns -Tail 1 -Timestamps
        $stamped | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z line 5$'
        $object = Get-KubeLog counter -Namespace $ns -Tail 1 -AsObject
        $object.Line | Should -Be 'line 5'
        $object.Pod | Should -Be 'counter'
        $object.Container | Should -Be 'c'
        $object.Timestamp | Should -BeOfType [DateTimeOffset]
        ([DateTimeOffset]::UtcNow - $object.Timestamp).TotalMinutes | Should -BeLessThan 5
    }

    It 'filters by -Since and -SinceTime' {
        Get-KubeLog counter -Namespace $ns -Since (New-TimeSpan -Hours 1) | Should -Be @('line 1', 'line 2', 'line 3', 'line 4', 'line 5')
        Get-KubeLog counter -Namespace $ns -SinceTime ([DateTime]::UtcNow.AddMinutes(5)) | Should -BeNullOrEmpty
        $future = [DateTime]::UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
        Invoke-Kubectl logs counter -n $ns "--since-time=$future" | Should -BeNullOrEmpty
    }

    It 'prefixes lines with -Prefix like kubectl --prefix' {
        Get-KubeLog counter -Namespace $ns -Tail 1 -Prefix | Should -Be '[pod/counter/c] line 5'
        Invoke-Kubectl logs counter -n $ns --tail=1 --prefix | Should -Be '[pod/counter/c] line 5'
    }

    It 'takes pods from the pipeline' {
        Get-KubePod counter -Namespace $ns | Get-KubeLog -Tail 1 | Should -Be 'line 5'
        'counter' | Get-KubeLog -Namespace $ns -Tail 1 | Should -Be 'line 5'
    }

    It 'reports a missing pod as ObjectNotFound' {
        Get-KubeLog nope -Namespace $ns -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Be 'pods "nope" not found'
    }
}

Describe 'Containers' {
    BeforeAll {
        $null = Wait-PodLog -Namespace $ns -Name two -Container b -Match 'from b'
        $null = Wait-PodLog -Namespace $ns -Name chosen -Container a -Match 'from a'
    }

    It 'defaults to the first container and says so like kubectl' {
        Get-KubeLog two -Namespace $ns -WarningVariable warned -WarningAction SilentlyContinue | Should -Be 'from a'
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -Be 'Defaulted container "a" out of: a, b'
        $kubectl = Invoke-KubectlRaw logs two -n $ns
        $kubectl.Output | Should -Contain 'Defaulted container "a" out of: a, b'
        $kubectl.Output | Should -Contain 'from a'
    }

    It 'follows the default-container annotation silently' {
        Get-KubeLog chosen -Namespace $ns -WarningVariable warned | Should -Be 'from b'
        $warned | Should -HaveCount 0
        Invoke-Kubectl logs chosen -n $ns | Should -Be 'from b'
    }

    It 'completes -Container with the containers of the pod on the line' {
        $line = "Get-KubeLog two -Namespace $ns -Container "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('a', 'b')
        $line = "Invoke-KubeExec -Name two -Namespace $ns -Container s"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -BeNullOrEmpty
        $line = "Copy-KubeItem ./x ${ns}/two:/tmp -Container b"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'b'
    }

    It 'reads a named container, or all of them' {
        Get-KubeLog two -Namespace $ns -Container b | Should -Be 'from b'
        Get-KubeLog two -Namespace $ns -AllContainers -Prefix | Should -Be @('[pod/two/a] from a', '[pod/two/b] from b')
        Get-KubeLog two -Namespace $ns -Container zz -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Be 'container zz is not valid for pod two'
    }
}

Describe 'Several pods' {
    BeforeAll {
        New-TestPod -Namespace $ns -Name web-old -Node $node -Script 'echo old; sleep 3600' -Labels @{ app = 'web' }
        Start-Sleep -Seconds 1.2
        New-TestPod -Namespace $ns -Name web-new -Node $node -Script 'echo new; sleep 3600' -Labels @{ app = 'web' }
        Invoke-KubectlApply "apiVersion: v1`nkind: Service`nmetadata:`n  name: web`n  namespace: $ns`nspec:`n  selector:`n    app: web`n  ports:`n  - port: 80" | Out-Null
        $null = Wait-PodLog -Namespace $ns -Name web-old -Match 'old'
        $null = Wait-PodLog -Namespace $ns -Name web-new -Match 'new'
    }

    It 'picks one pod of a piped workload like kubectl logs svc/web' {
        $ours = Get-KubeService web -Namespace $ns | Get-KubeLog -WarningVariable warned
        $kubectl = Invoke-KubectlRaw logs svc/web -n $ns
        "$($warned[0])" | Should -Be 'Found 2 pods, using pod/web-old'
        $kubectl.Output | Should -Contain 'Found 2 pods, using pod/web-old'
        $ours | Should -Be 'old'
        $kubectl.Output | Should -Contain 'old'
        Get-KubeLog svc/web -Namespace $ns -WarningAction SilentlyContinue | Should -Be 'old'
    }

    It 'reads the pod of a piped Deployment, like kubectl logs deploy/NAME' {
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: single
  namespace: $ns
spec:
  replicas: 1
  selector:
    matchLabels: { app: single }
  template:
    metadata:
      labels: { app: single }
    spec:
      containers:
      - name: c
        image: busybox
        command: ['sh', '-c', 'echo from the deployment; sleep 3600']
"@ | Out-Null
        $lines = Wait-Until -Seconds 30 -Because 'the deployment''s pod to log' {
            $l = @(Get-KubeDeployment single -Namespace $ns | Get-KubeLog -ErrorAction SilentlyContinue); if ($l -contains 'from the deployment') { , $l } }
        $lines | Should -Be 'from the deployment'
        Invoke-Kubectl logs deploy/single -n $ns | Should -Be $lines
        Get-KubeLog deploy/single -Namespace $ns | Should -Be $lines
    }

    It 'reads every pod of -Selector' {
        $ours = Get-KubeLog -Selector @{ app = 'web' } -Namespace $ns -Prefix | Sort-Object
        $ours | Should -Be @('[pod/web-new/c] new', '[pod/web-old/c] old')
        Invoke-Kubectl logs -l app=web -n $ns --prefix | Sort-Object | Should -Be $ours
    }

    It 'refuses to follow more streams than -MaxLogRequests' {
        { Get-KubeLog -Selector app=web -Namespace $ns -Follow -MaxLogRequests 1 -ErrorAction Stop } |
            Should -Throw '*you are attempting to follow 2 log streams, but maximum allowed concurrency is 1*'
    }
}

Describe 'Follow and previous' {
    It 'follows new lines until the container ends' {
        New-TestPod -Namespace $ns -Name ticker -Node $node -RestartPolicy Never -Script 'echo start; sleep 1; for i in 1 2 3; do echo tick $i; sleep 0.3; done'
        $null = Wait-PodLog -Namespace $ns -Name ticker -Match 'start'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $lines = Get-KubeLog ticker -Namespace $ns -Follow
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 0.5 -Because 'follow waits for the lines still to come'
        $lines | Should -Be @('start', 'tick 1', 'tick 2', 'tick 3')
        Invoke-Kubectl logs ticker -n $ns | Should -Be $lines
    }

    It 'streams lines to the pipeline as they come, and a stopped job ends within a second' {
        New-TestPod -Namespace $ns -Name stream -Node $node -Script 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done'
        $null = Wait-PodLog -Namespace $ns -Name stream -Match 'tick 1'
        $job = Start-ThreadJob -ArgumentList $ModulePath, $ns, $sandbox.Context -ScriptBlock {
            param($module, $namespace, $context)
            Import-Module $module
            Get-KubeLog stream -Namespace $namespace -Context $context -Follow -Tail 0
        }
        try {
            $first = Wait-Until -Seconds 15 -Because 'followed lines' { @(Receive-Job $job -Keep) | Select-Object -First 3 | Where-Object { $_ } }
            $later = Wait-Until -Seconds 15 -Because 'more lines' { $all = @(Receive-Job $job -Keep); if ($all.Count -ge 6) { , $all } }
            ($later | ForEach-Object { [int]($_ -replace 'tick ', '') }) | Should -Be (@($later | ForEach-Object { [int]($_ -replace 'tick ', '') }) | Sort-Object) -Because 'lines arrive in order'
            $first | Should -Not -BeNullOrEmpty
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Stop-Job $job
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $job.State | Should -Be 'Stopped'
        }
        finally { Remove-Job $job -Force }
    }

    It 'follows several piped pods at once, interleaving their lines as they come' {
        foreach ($name in 'tick-a', 'tick-b') {
            New-TestPod -Namespace $ns -Name $name -Node $node -RestartPolicy Never -Labels @{ app = 'tick' } -Script "sleep 1; for i in 1 2 3 4 5 6; do echo $name `$i; sleep 0.3; done"
        }
        $null = Wait-Until -Because 'both pods to run' { @(Get-KubePod -Namespace $ns -Selector app=tick | Where-Object { $_.ApiStatus.Phase -eq 'Running' }).Count -eq 2 }
        $lines = @(Get-KubePod -Namespace $ns -Selector app=tick | Get-KubeLog -Follow -Prefix)
        $lines | Should -HaveCount 12
        ($lines | Where-Object { $_ -like '`[pod/tick-a/c`]*' }) | Should -Be (1..6 | ForEach-Object { "[pod/tick-a/c] tick-a $_" })
        ($lines | Where-Object { $_ -like '`[pod/tick-b/c`]*' }) | Should -Be (1..6 | ForEach-Object { "[pod/tick-b/c] tick-b $_" })
        $firstB = [Array]::FindIndex($lines, [Predicate[object]] { param($l) $l -like '*tick-b*' })
        $lastA = [Array]::FindLastIndex($lines, [Predicate[object]] { param($l) $l -like '*tick-a*' })
        $firstB | Should -BeLessThan $lastA -Because "the streams are read at once, not one after the other:`n$($lines -join "`n")"
    }

    It 'reads the previous instance after a crash with -Previous' {
        New-TestPod -Namespace $ns -Name crasher -Node $node -Script 'echo about to crash; sleep 0.2; exit 3'
        $previous = Wait-PodLog -Namespace $ns -Name crasher -Previous -Match 'about to crash'
        $previous | Should -Be 'about to crash'
        Invoke-Kubectl logs crasher -n $ns --previous | Should -Be 'about to crash'
    }
}
