# Connect-KubePod (kubectl attach) and Debug-KubePod (kubectl debug) against the sandbox, in
# pseudo-terminals from script(1), with stock kubectl attach -it / debug -it as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    . "$PSScriptRoot/PtyHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = New-TestNamespace 'attach-tests'
    $script:node = Get-TestNode
    $pods = foreach ($name in 'shell-k', 'shell-m', 'shell-d') {
        "apiVersion: v1`nkind: Pod`nmetadata: { name: $name, namespace: $ns }`nspec:`n  nodeName: $node`n  terminationGracePeriodSeconds: 1`n  containers: [{ name: c, image: busybox, stdin: true, tty: true, command: [sh] }]"
    }
    $pods += "apiVersion: v1`nkind: Pod`nmetadata: { name: reader, namespace: $ns }`nspec:`n  nodeName: $node`n  terminationGracePeriodSeconds: 1`n  containers: [{ name: c, image: busybox, stdin: true, command: [sh, -c, 'echo ready; while read l; do echo got `$l; done'] }]"
    Invoke-KubectlApply ($pods -join "`n---`n") | Out-Null
    New-TestPod -Namespace $ns -Name ticker -Node $node -Script 'echo ready; i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.3; done'
    New-TestPod -Namespace $ns -Name target -Node $node -Script 'echo ready; sleep 3600'
    foreach ($name in 'reader', 'ticker', 'target') { $null = Wait-PodLog -Namespace $ns -Name $name -Match 'ready' }
    foreach ($name in 'shell-k', 'shell-m', 'shell-d') {
        $null = Wait-Until -Seconds 60 -Because "$name to run" { (Invoke-Kubectl get pod $name -n $ns -o 'jsonpath={.status.phase}') -eq 'Running' }
    }
    $script:kubectl = "$((Get-Command kubectl).Source) $($KubectlArgs -join ' ') -n $ns"
    $script:isolated = "$($sandbox.Isolation)" -eq 'Namespaces'

    function script:New-Runner([string] $Name, [string] $Body) {
        # A pwsh script that imports the module and runs $Body, started under a pseudo-terminal.
        $path = Join-Path $TestDrive "$Name.ps1"
        Set-Content -Path $path -Value "Import-Module '$ModulePath'`n`$PSDefaultParameterValues['*-Kube*:Context'] = '$($sandbox.Context)'`n$Body"
        (@(Get-TestPwsh) + @('-NoProfile', '-NonInteractive', '-File', $path) | ForEach-Object { "'$_'" }) -join ' '
    }
    function script:RestartCount([string] $Pod) { [int](Invoke-Kubectl get pod $Pod -n $ns -o 'jsonpath={.status.containerStatuses[0].restartCount}') }
}

AfterAll { Stop-TestSandbox }

Describe 'kubectl attach -it and Connect-KubePod -Interactive' {
    It 'kubectl attach -it types into the container''s shell (the referee)' {
        $text = Invoke-PtySession "$kubectl attach -it shell-k" -Steps @(
            @{ Wait = 'try pressing enter'; Pause = 300; Send = "echo via-kubectl-`$((6*7))`r" }
            @{ Wait = 'via-kubectl-42\s'; Send = "exit`r" })
        $text | Should -Match "Session ended, resume using 'kubectl attach shell-k -c c -i -t' command when the pod is running"
    }

    It 'Connect-KubePod -Interactive types into the container''s shell and says how to come back' {
        $runner = New-Runner 'attach-it' "Connect-KubePod shell-m -Namespace $ns -Interactive`n`"exit=`$LASTEXITCODE`""
        $text = Invoke-PtySession $runner -Steps @(
            @{ Wait = 'try pressing enter'; Pause = 300; Send = "echo via-module-`$((6*7))`r" }
            @{ Wait = 'via-module-42\s'; Send = "exit`r" })
        $text | Should -Match "Session ended, resume using 'Connect-KubePod shell-m -Container c -Interactive' command when the pod is running"
        $text | Should -Match 'exit=0'
    }

    It 'detaches on Ctrl+P Ctrl+Q and leaves the container running' {
        $before = RestartCount 'shell-d'
        $runner = New-Runner 'attach-detach' "Connect-KubePod shell-d -Namespace $ns -Interactive`n'after-detach'"
        $text = Invoke-PtySession $runner -Steps @(
            @{ Wait = 'try pressing enter'; Pause = 300; Send = "echo still-$((1+1))`r" }
            @{ Wait = 'still-2\s'; Send = "$([char]0x10)$([char]0x11)" })
        $text | Should -Match 'Detached from pod/shell-d'
        $text | Should -Match 'after-detach'
        Start-Sleep -Milliseconds 500
        Invoke-Kubectl exec shell-d -n $ns '--' true | Out-Null
        RestartCount 'shell-d' | Should -Be $before
    }
}

Describe 'Connect-KubePod without a terminal' {
    It 'writes the process''s output lines and detaches on Ctrl+C, leaving the container running' {
        $runner = New-Runner 'attach-follow' "Connect-KubePod ticker -Namespace $ns | ForEach-Object { `"line: `$_`" }"
        $text = Invoke-PtySession $runner -Steps @(@{ Wait = 'line: tick\d+\s+line: tick\d+'; Send = "$([char]3)" })
        $text | Should -Match 'line: tick\d+'
        (Invoke-Kubectl get pod ticker -n $ns -o 'jsonpath={.status.phase}') | Should -Be 'Running'
        RestartCount 'ticker' | Should -Be 0
    }

    It 'sends piped lines to a process reading stdin (-Stdin)' {
        $runner = New-Runner 'attach-stdin' "'ping','pong' | Connect-KubePod reader -Namespace $ns -Stdin | ForEach-Object { `"line: `$_`" }"
        $text = Invoke-PtySession $runner -Steps @(@{ Wait = 'line: got pong'; Send = "$([char]3)" })
        $text | Should -Match 'line: got ping'
        (Get-KubeLog reader -Namespace $ns) | Should -Contain 'got pong'
    }

    It 'warns like kubectl when the container has no terminal' {
        'x' | Connect-KubePod reader -Namespace $ns -Tty -Stdin -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue -RequestTimeout 5s |
            Select-Object -First 1 | Out-Null
        "$($warned[0])" | Should -Be 'Unable to use a TTY - container c did not allocate one'
    }
}

Describe 'kubectl debug -it --target and Debug-KubePod' {
    It 'kubectl debug -it --target runs a shell that sees the target''s processes (the referee)' {
        $text = Invoke-PtySession "$kubectl debug -it target --image=busybox --target=c -- sh" -Steps @(
            @{ Wait = 'try pressing enter'; Pause = 300; Send = "echo count=`$(ps -e -o args | grep -c 'sleep 360[0]')`r" }
            @{ Wait = 'count=\d'; Send = "exit`r" })
        $text | Should -Match 'Targeting container "c"'
        $text | Should -Match 'Defaulting debug container name to debugger-[a-z0-9]{5}\.'
        $text | Should -Match 'Session ended, the ephemeral container will not be restarted'
        if ($isolated) { $text | Should -Match 'count=[1-9]' -Because 'the debug container shares the target''s PID namespace' }
        $statuses = Invoke-Kubectl get pod target -n $ns -o 'jsonpath={.status.ephemeralContainerStatuses[*].state.terminated.reason}'
        Wait-Until -Because 'the debug container to be reported terminated' {
            (Invoke-Kubectl get pod target -n $ns -o 'jsonpath={.status.ephemeralContainerStatuses[*].state.terminated.reason}') -match 'Completed'
        } | Should -BeTrue
    }

    It 'Debug-KubePod -Interactive -Target does the same from PowerShell' {
        $runner = New-Runner 'debug-it' "Debug-KubePod target -Namespace $ns -Image busybox -Target c -Container dbg-module -Interactive -- sh`n`"exit=`$LASTEXITCODE`""
        $text = Invoke-PtySession $runner -Steps @(
            @{ Wait = 'try pressing enter'; Pause = 300; Send = "echo count=`$(ps -e -o args | grep -c 'sleep 360[0]')`r" }
            @{ Wait = 'count=\d'; Send = "exit`r" })
        $text | Should -Match 'Targeting container "c"'
        $text | Should -Not -Match 'Defaulting debug container name'
        $text | Should -Match "may be reattached using 'Connect-KubePod target -Container dbg-module -Interactive'"
        $text | Should -Match 'exit=0'
        if ($isolated) { $text | Should -Match 'count=[1-9]' -Because 'the debug container shares the target''s PID namespace' }
        (Invoke-Kubectl get pod target -n $ns -o 'jsonpath={.spec.ephemeralContainers[*].name}') -split ' ' | Should -Contain 'dbg-module'
    }

    It 'runs a command with -Stdin and writes its output; only -Target shares the target''s processes' {
        $count = 'sleep 2; echo count=$(ps -e -o args | grep -c "sleep 360[0]")'
        $with = '' | Debug-KubePod target -Namespace $ns -Image busybox -Target c -Stdin -Quiet -- sh -c $count
        $without = '' | Debug-KubePod target -Namespace $ns -Image busybox -Stdin -Quiet -- sh -c $count
        $with | Should -Match '^count=\d+$'
        $without | Should -Match '^count=\d+$'
        if ($isolated) {
            $with | Should -Match '^count=[1-9]$'
            $without | Should -Be 'count=0' -Because 'a debug container without a target has a PID namespace of its own'
        }
    }

    It 'adds nothing with -WhatIf' {
        $before = Invoke-Kubectl get pod target -n $ns -o 'jsonpath={.spec.ephemeralContainers[*].name}'
        Debug-KubePod target -Namespace $ns -Image busybox -Container dbg-whatif -WhatIf
        Invoke-Kubectl get pod target -n $ns -o 'jsonpath={.spec.ephemeralContainers[*].name}' | Should -Be $before
    }

    It 'refuses changes to ephemeral containers as the API server does' {
        $pod = Invoke-Kubectl get pod target -n $ns -o json | ConvertFrom-Json -AsHashtable
        $path = "/api/v1/namespaces/$ns/pods/target/ephemeralcontainers"
        $file = Join-Path $TestDrive 'ephemeral.json'
        $removed = $pod.Clone(); $removed.spec = $pod.spec.Clone(); $removed.spec.ephemeralContainers = @()
        $removed | ConvertTo-Json -Depth 20 | Set-Content $file
        $result = Invoke-KubectlRaw replace --raw $path -f $file
        $result.ExitCode | Should -Not -Be 0
        ($result.Output -join "`n") | Should -Match 'may not be removed'
        $added = $pod.Clone(); $added.spec = $pod.spec.Clone()
        $added.spec.ephemeralContainers = @($pod.spec.ephemeralContainers) + @(@{ name = 'with-ports'; image = 'busybox'; ports = @(@{ containerPort = 80 }) })
        $added | ConvertTo-Json -Depth 20 | Set-Content $file
        $result = Invoke-KubectlRaw replace --raw $path -f $file
        $result.ExitCode | Should -Not -Be 0
        ($result.Output -join "`n") | Should -Match 'ports: Forbidden: cannot be set for an Ephemeral Container'
        $added.spec.ephemeralContainers = @($pod.spec.ephemeralContainers) + @(@{ name = 'c'; image = 'busybox' })
        $added | ConvertTo-Json -Depth 20 | Set-Content $file
        ((Invoke-KubectlRaw replace --raw $path -f $file).Output -join "`n") | Should -Match 'Duplicate value: "c"'
    }
}
