# Tab completion through TabExpansion2 against a real sandbox, with stock kubectl as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    # Pods run as host processes (-Isolation None), the quickest to start; the path completion runs
    # ls in the container over exec in every isolation mode.
    $script:sandbox = Start-TestSandbox -Isolation None
    $script:ns = 'completion-tests'
    New-FixtureObjects -Namespace $ns

    function Get-Completion([string] $Line) {
        $started = [DateTime]::UtcNow
        $result = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        [pscustomobject]@{ Texts = @($result.CompletionMatches | ForEach-Object CompletionText); Seconds = ([DateTime]::UtcNow - $started).TotalSeconds }
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Object names complete from the live cluster' {
    BeforeDiscovery {
        . "$PSScriptRoot/TestHelpers.ps1"
        Import-Module $ModulePath -Force
        # The kind each cmdlet's name parameters name, as kubectl spells it. A cmdlet with a name
        # parameter missing here fails the walk below: say what it names.
        $script:kinds = @{
            pods                   = 'Connect-KubePod', 'Debug-KubePod', 'Get-KubeLog', 'Get-KubePod', 'Invoke-KubeExec', 'Remove-KubePod', 'Start-KubePortForward', 'Test-KubePodHealthy'
            deployments            = 'Get-KubeDeployment', 'Remove-KubeDeployment', 'Restart-KubeDeployment', 'Undo-KubeDeployment', 'Wait-KubeDeployment', 'Get-KubeRolloutHistory', 'Set-KubeDeploymentScale', 'Test-KubeDeploymentReady'
            replicasets            = 'Get-KubeReplicaSet', 'Remove-KubeReplicaSet'
            daemonsets             = 'Get-KubeDaemonSet', 'Remove-KubeDaemonSet'
            statefulsets           = 'Get-KubeStatefulSet', 'Remove-KubeStatefulSet'
            services               = 'Get-KubeService', 'Remove-KubeService'
            endpoints              = @('Get-KubeEndpoints')
            configmaps             = 'Get-KubeConfigMap', 'Remove-KubeConfigMap'
            secrets                = 'Get-KubeSecret', 'Remove-KubeSecret'
            jobs                   = 'Get-KubeJob', 'Remove-KubeJob'
            ingresses              = @('Get-KubeIngress')
            events                 = @('Get-KubeEvent')
            persistentvolumeclaims = 'Get-KubePersistentVolumeClaim', 'Remove-KubePersistentVolumeClaim'
            persistentvolumes      = 'Get-KubePersistentVolume', 'Remove-KubePersistentVolume'
            nodes                  = 'Get-KubeNode', 'Resume-KubeNode', 'Suspend-KubeNode', 'Test-KubeNodeReady'
            namespaces             = 'Get-KubeNamespace', 'Remove-KubeNamespace'
            # The generic cmdlets complete names of the -Kind typed before them.
            'deployments '         = 'Edit-KubeResource', 'Get-KubeResource', 'Remove-KubeResource', 'Show-KubeResource', 'Test-KubeResource', 'Set-KubeLabel'
        }
        $script:cases = foreach ($entry in $kinds.GetEnumerator()) {
            foreach ($cmdlet in $entry.Value) { @{ Cmdlet = $cmdlet; Kind = $entry.Key.Trim(); Generic = $entry.Key.EndsWith(' ') } }
        }
        # Parameters that take a name of something that exists: a cluster object, a context, a sandbox.
        $script:nameParameters = 'Name', 'Deployment', 'Service', 'Node', 'Target', 'Container'
    }

    # Discovery-time data reaches the run through -ForEach: in a run of many files, another file's
    # BeforeDiscovery may have set a script variable of the same name by the time this test runs.
    It 'every name parameter of every cmdlet has a completer, and every cmdlet naming cluster objects is checked here' -ForEach @(
        @{ Checked = @($cases | ForEach-Object Cmdlet) + 'Test-KubeAccess'; NameParameters = $nameParameters }
    ) {
        $checked = $Checked  # Test-KubeAccess: its own test below
        $problems = foreach ($command in Get-Command -Module PracticeK8s -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values | Where-Object Name -in $NameParameters) {
                if ($parameter.ParameterType -notin [string], [string[]]) { continue }
                # Debug-KubePod -Container names the new debug container: nothing to complete.
                if ($command.Name -eq 'Debug-KubePod' -and $parameter.Name -eq 'Container') { continue }
                if (-not ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })) {
                    "$($command.Name) -$($parameter.Name) has no completer"
                }
                $completer = ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name
                if ($parameter.Name -eq 'Name' -and $completer -notin 'ContextNameCompleter', 'SandboxNameCompleter' -and $command.Name -notin $checked) {
                    "$($command.Name) -Name completes cluster objects but no test says which kind"
                }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It '<Cmdlet> completes names of <Kind> from the live cluster' -ForEach $cases {
        $clusterScoped = $Kind -in 'nodes', 'namespaces', 'persistentvolumes'
        $line = "$Cmdlet " + $(if ($Generic) { "-Kind $Kind " } else { '' }) + $(if ($clusterScoped) { '' } else { "-Namespace $ns " })
        $completion = Get-Completion $line
        $names = @(Invoke-Kubectl get $Kind $(if (-not $clusterScoped) { '-n'; $ns }) -o name | ForEach-Object { ($_ -split '/', 2)[1] })
        $names.Count | Should -BeGreaterThan 0 -Because "the fixtures have $Kind"
        $completion.Texts.Count | Should -BeGreaterThan 0 -Because "$Cmdlet names $Kind"
        $completion.Texts | Where-Object { $_.Trim("'") -notin $names } | Should -BeNullOrEmpty -Because "every completion of $Cmdlet is one of the $Kind"
        $completion.Seconds | Should -BeLessThan 5
    }

    It 'Test-KubeAccess completes -Name with objects of the -Resource typed before it' {
        $names = @(Invoke-Kubectl get deployments -n $ns -o name | ForEach-Object { ($_ -split '/', 2)[1] })
        $completion = Get-Completion "Test-KubeAccess -Verb get -Resource deploy -Namespace $ns "
        $completion.Texts.Count | Should -BeGreaterThan 0
        $completion.Texts | Where-Object { $_.Trim("'") -notin $names } | Should -BeNullOrEmpty
    }

    It 'Set-KubeDeploymentScale h<Tab> completes the deployments starting with h, and -Kind ReplicaSet completes replica sets' {
        Invoke-Kubectl create deployment hello --image=nginx:1.14.2 -n $ns | Out-Null
        Wait-Until { (Get-Completion "Set-KubeDeploymentScale -Namespace $ns h").Texts -contains 'hello' } -Seconds 15 -Because 'the completion cache (10 s) lists the new deployment' | Out-Null
        (Get-Completion "Set-KubeDeploymentScale -Namespace $ns h").Texts | Should -Be @('hello')
        (Get-Completion "Set-KubeDeploymentScale -Namespace $ns -Kind ReplicaSet sta").Texts | Should -Be @('standalone')
    }
}

Describe 'Copy-KubeItem completes pods and paths inside the container' {
    BeforeAll {
        $node = Get-TestNode
        New-TestPod -Namespace $ns -Name hello-abc -Node $node -Script 'echo ready; sleep 3600'
        $null = Wait-PodLog -Namespace $ns -Name hello-abc -Match 'ready'
        # A folder inside the container, made there through exec.
        $script:inPod = '/in-pod'
        Invoke-KubeExec hello-abc -Namespace $ns -- mkdir -p "$inPod/sub" "$inPod/with space"
        Invoke-KubeExec hello-abc -Namespace $ns -- touch "$inPod/hello.txt" "$inPod/help.md"
        Push-Location $TestDrive
        Set-Content -Path (Join-Path $TestDrive 'f') -Value 'local'
        Set-Content -Path (Join-Path $TestDrive 'hello-local.txt') -Value 'local'
    }
    AfterAll { Pop-Location }

    It 'completes pod names as "pod:" beside local files' {
        # The pod list of the namespace may be cached from before the pod existed (10 s): the next Tab has it.
        $completion = Wait-Until { $c = Get-Completion "Copy-KubeItem -Namespace $ns ./f hel"; if ($c.Texts -contains 'hello-abc:') { $c } } -Seconds 20 -Because 'the new pod is listed'
        $completion.Texts | Should -Contain 'hello-abc:'
        $completion.Texts | Should -Contain ([IO.Path]::Combine('.', 'hello-local.txt'))
        $completion.Seconds | Should -BeLessThan 5
        (Get-Completion "Copy-KubeItem -Namespace default ./f $ns/hel").Texts | Should -Contain "$ns/hello-abc:"
    }

    It 'completes paths inside the container after "pod:", listed over exec, within a bounded time' {
        $line = "Copy-KubeItem -Namespace $ns ./f hello-abc:$inPod/he"
        $completion = Wait-Until { $c = Get-Completion $line; if ($c.Texts.Count) { $c } } -Seconds 20 -Because 'the listing arrives (a slow exec is served on the next Tab)'
        $completion.Texts | Should -Be @("hello-abc:$inPod/hello.txt", "hello-abc:$inPod/help.md")
        $completion.Seconds | Should -BeLessThan 5
        $all = Wait-Until { @((Get-Completion "Copy-KubeItem -Namespace $ns ./f hello-abc:$inPod/").Texts) | Where-Object { $_ } } -Seconds 20 -Because 'the listing of the folder arrives'
        $all | Should -Contain "hello-abc:$inPod/sub/"
        $all | Should -Contain "'hello-abc:$inPod/with space/'"
        (Get-Completion "Copy-KubeItem -Namespace $ns hello-abc:$inPod/su").Texts | Should -Be @("hello-abc:$inPod/sub/")
        $root = Wait-Until { @((Get-Completion "Copy-KubeItem -Namespace $ns ./f hello-abc:/").Texts) | Where-Object { $_ } } -Seconds 20 -Because 'the listing of the container''s root arrives'
        $root | Should -Contain 'hello-abc:/in-pod/'
    }

    It 'gives nothing for a pod that does not exist, quickly and without an error' {
        $started = [DateTime]::UtcNow
        $completion = Get-Completion "Copy-KubeItem -Namespace $ns ./f no-such-pod:/et"
        $completion.Texts | Should -BeNullOrEmpty
        ([DateTime]::UtcNow - $started).TotalSeconds | Should -BeLessThan 5
    }
}
