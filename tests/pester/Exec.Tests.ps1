# Invoke-KubeExec against pods whose containers run as local processes, with stock kubectl exec as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:node = Get-TestNode
    $script:ns = New-TestNamespace 'exec-tests'
    New-TestPod -Namespace $ns -Name shell -Node $node -Script 'echo ready; sleep 3600'
    New-TestPod -Namespace $ns -Name pair -Node $node -Containers ([ordered]@{ main = 'echo ready; sleep 3600'; side = 'echo ready; sleep 3600' })
    $null = Wait-PodLog -Namespace $ns -Name shell -Match 'ready'
    $null = Wait-PodLog -Namespace $ns -Name pair -Container side -Match 'ready'
}

AfterAll { Stop-TestSandbox }

Describe 'Invoke-KubeExec' {
    It 'writes stdout lines to the pipeline and sets $LASTEXITCODE to 0' {
        $global:LASTEXITCODE = 99
        $ours = Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'echo one; echo two'
        $ours | Should -Be @('one', 'two')
        $global:LASTEXITCODE | Should -Be 0
        Invoke-Kubectl exec shell -n $ns '--' sh -c 'echo one; echo two' | Should -Be $ours
    }

    It 'reports a non-zero exit code in $LASTEXITCODE, on -PassThru and as an error, like kubectl' {
        $result = Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'echo before; exit 3' -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $global:LASTEXITCODE | Should -Be 3
        $result[0] | Should -Be 'before'
        $result[-1].ExitCode | Should -Be 3
        $result[-1].Pod | Should -Be 'shell'
        $result[-1].Container | Should -Be 'c'
        $err.FullyQualifiedErrorId | Should -Contain 'KubeExecNonZeroExitCode,PracticeK8s.Cmdlets.Exec.InvokeKubeExecCommand'
        ($err | Where-Object FullyQualifiedErrorId -like 'KubeExecNonZeroExitCode*').Exception.Message | Should -Be 'command terminated with exit code 3'
        $kubectl = Invoke-KubectlRaw exec shell -n $ns '--' sh -c 'echo before; exit 3'
        $kubectl.ExitCode | Should -Be 3
        $kubectl.Output | Should -Contain 'command terminated with exit code 3'
    }

    It 'keeps stderr apart as non-terminating errors, or merges it with -MergeError' {
        $out = Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'echo out; echo err >&2' -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -Be 'out'
        $err | Should -HaveCount 1
        $err[0].Exception.Message | Should -Be 'err'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeExecStderr*'
        $merged = Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'echo out; sleep 0.2; echo err >&2' -MergeError
        $merged | Should -Be @('out', 'err')
        $kubectlOut = & (Get-Command kubectl).Source @KubectlArgs exec shell -n $ns '--' sh -c 'echo out; echo err >&2' 2>$null
        $kubectlOut | Should -Be 'out'
    }

    It 'sends piped text as stdin and closes it' {
        $ours = 'alpha', 'beta' | Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'cat; echo done'
        $ours | Should -Be @('alpha', 'beta', 'done')
        $global:LASTEXITCODE | Should -Be 0
        $file = Join-Path $TestDrive 'stdin.txt'
        Set-Content -Path $file -Value 'alpha', 'beta'
        $kubectl = Get-Content $file | & (Get-Command kubectl).Source @KubectlArgs exec -i shell -n $ns '--' sh -c 'cat; echo done'
        $kubectl | Should -Be $ours
    }

    It 'speaks v4.channel.k8s.io too (exit codes, output)' {
        $result = Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'echo over v4; exit 4' -Protocol v4.channel.k8s.io -PassThru -ErrorAction SilentlyContinue
        $result[0] | Should -Be 'over v4'
        $result[-1].ExitCode | Should -Be 4
        $result[-1].Protocol | Should -Be 'v4.channel.k8s.io'
        (Invoke-KubeExec shell -Namespace $ns -Command true -PassThru).Protocol | Should -Be 'v5.channel.k8s.io'
    }

    It 'chooses the container like kubectl: -Container, else the first with a notice' {
        Invoke-KubeExec pair -Namespace $ns -Command sh, -c, 'echo $HOSTNAME' -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        "$($warned[0])" | Should -Be 'Defaulted container "main" out of: main, side'
        (Invoke-KubeExec pair -Namespace $ns -Container side -Command true -PassThru).Container | Should -Be 'side'
        Invoke-KubeExec pair -Namespace $ns -Container nope -Command true -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -Be 'container nope is not valid for pod pair'
    }

    It 'runs in each piped pod and refuses other kinds' {
        $names = Get-KubePod shell, pair -Namespace $ns | Invoke-KubeExec -Command cat, /etc/hostname -WarningAction SilentlyContinue
        $names | Should -Be @('shell', 'pair')
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: notapod`n  namespace: $ns" | Out-Null
        Get-KubeConfigMap notapod -Namespace $ns | Invoke-KubeExec -Command true -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeKindMismatch*'
    }

    It 'runs nothing with -WhatIf' {
        Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'touch /tmp/whatif-ran' -WhatIf
        Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'test -e /tmp/whatif-ran && echo yes || echo no' | Should -Be 'no'
    }

    It 'attaches a terminal with -Interactive: keys in, the remote shell''s echo out, its exit code back' {
        # A pseudo-terminal from script(1) stands in for the user's console; keys are typed into it.
        $runner = Join-Path $TestDrive 'interactive.ps1'
        Set-Content -Path $runner -Value @"
Import-Module '$ModulePath'
Invoke-KubeExec shell -Namespace $ns -Context '$($sandbox.Context)' -Command sh -Interactive -ErrorAction SilentlyContinue
"exit=`$LASTEXITCODE"
"@
        $pwsh = @(Get-TestPwsh) + @('-NoProfile', '-NonInteractive', '-File', $runner) | ForEach-Object { "'$_'" }
        $typing = "(sleep 8; printf 'echo hi-from-`$((40+2))\r'; sleep 2; printf 'exit 7\r'; sleep 3)"
        $out = bash -c "$typing | script -q -c `"$($pwsh -join ' ')`" /dev/null" 2>&1
        $text = ($out -join "`n") -replace '\x1b\[[0-9;?]*[a-zA-Z]', ''
        $text | Should -Match 'hi-from-42' -Because "the remote shell computed it:`n$text"
        $text | Should -Match 'exit=7'
    }

    It 'refuses -Interactive without a console' {
        { Invoke-KubeExec shell -Namespace $ns -Command sh -Interactive -ErrorAction Stop } | Should -Throw '*-Interactive needs a console*'
    }

    It 'takes everything after -- as the command, the pod name still first' {
        $ours = Invoke-KubeExec shell -Namespace $ns -- printf '%s|' -la /tmp 'a b'
        $ours | Should -Be '-la|/tmp|a b|'
        Invoke-Kubectl exec shell -n $ns '--' printf '%s|' -la /tmp 'a b' | Should -Be $ours
        Invoke-KubeExec shell -Namespace $ns hostname | Should -Be 'shell'
        (Get-KubePod shell -Namespace $ns | Invoke-KubeExec -- printf '%s|' -la 'a b') | Should -Be '-la|a b|' -Because 'with a piped pod the first word is the command'
    }

    It 'sends piped lines as stdin to a command given after --' {
        'a', 'b' | Invoke-KubeExec shell -Namespace $ns -- sh -c 'cat > /tmp/piped.txt'
        $global:LASTEXITCODE | Should -Be 0
        Invoke-KubeExec shell -Namespace $ns -- cat /tmp/piped.txt | Should -Be @('a', 'b')
        Invoke-Kubectl exec shell -n $ns '--' cat /tmp/piped.txt | Should -Be @('a', 'b')
    }

    It 'sets $LASTEXITCODE to the remote code: 0, 3, 127 as kubectl exits' {
        foreach ($case in @(@{ Script = 'true'; Code = 0 }, @{ Script = 'exit 3'; Code = 3 }, @{ Script = 'nosuchcmd-in-shell'; Code = 127 })) {
            $global:LASTEXITCODE = 99
            Invoke-KubeExec shell -Namespace $ns -ErrorAction SilentlyContinue -- sh -c $case.Script 2>$null
            $global:LASTEXITCODE | Should -Be $case.Code -Because "sh -c '$($case.Script)'"
            (Invoke-KubectlRaw exec shell -n $ns '--' sh -c $case.Script).ExitCode | Should -Be $case.Code
        }
    }

    It 'reports a program that cannot start as one non-terminating error naming pod and container, by name and by pipeline alike' {
        $kubectl = Invoke-KubectlRaw exec shell -n $ns '--' no-such-program
        $kubectl.ExitCode | Should -Be 1
        ($kubectl.Output -join "`n") | Should -Match 'executable file not found in \$PATH'

        $global:LASTEXITCODE = 99
        $reached = $false
        Invoke-KubeExec shell -Namespace $ns -ErrorVariable byName -ErrorAction SilentlyContinue -- no-such-program
        $reached = $true
        $reached | Should -BeTrue -Because 'the error is not terminating'
        $global:LASTEXITCODE | Should -Be 1
        $byName | Should -HaveCount 1
        $global:LASTEXITCODE = 99
        Get-KubePod shell -Namespace $ns | Invoke-KubeExec -ErrorVariable byPipe -ErrorAction SilentlyContinue -- no-such-program
        $global:LASTEXITCODE | Should -Be 1
        $byPipe | Should -HaveCount 1
        foreach ($e in $byName[0], $byPipe[0]) {
            $e.Exception.Message | Should -BeLike '*pod shell, container c:*executable file not found in $PATH*'
            $e.FullyQualifiedErrorId | Should -BeLike 'KubeExecFailed,*'
            "$($e.TargetObject)" | Should -Be 'shell'
        }
        ($byName[0].Exception.Message -replace '"[0-9a-f]{64}"', 'ID') | Should -Be ($byPipe[0].Exception.Message -replace '"[0-9a-f]{64}"', 'ID')
        $silenced = Invoke-KubeExec shell -Namespace $ns -ErrorAction SilentlyContinue -- no-such-program 2>&1
        $silenced | Should -BeNullOrEmpty
    }

    It 'keeps interleaved stdout and stderr lines in the order they were written' {
        $script = 'for i in 1 2 3; do echo out$i; sleep 0.3; echo err$i >&2; sleep 0.3; done'
        $expected = @('out1', 'err1', 'out2', 'err2', 'out3', 'err3')
        Invoke-KubeExec shell -Namespace $ns -MergeError -- sh -c $script | Should -Be $expected
        # Stderr lines are non-terminating errors here whatever the caller's preference (the runner's is Stop).
        $both = Invoke-KubeExec shell -Namespace $ns -ErrorAction Continue -- sh -c $script 2>&1 | ForEach-Object { "$_" }
        $both | Should -Be $expected
    }

    It 'runs in a pod of a Deployment or Service like kubectl exec deploy/NAME and svc/NAME' {
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: app, namespace: $ns }
spec:
  replicas: 1
  selector: { matchLabels: { app: exec-app } }
  template:
    metadata: { labels: { app: exec-app } }
    spec:
      terminationGracePeriodSeconds: 1
      tolerations: [{ operator: Exists }]
      containers: [{ name: main, image: busybox, command: ['sh', '-c', 'sleep 3600'] }]
---
apiVersion: v1
kind: Service
metadata: { name: app, namespace: $ns }
spec: { selector: { app: exec-app }, ports: [{ port: 80 }] }
"@ | Out-Null
        $pod = Wait-Until -Seconds 60 -Because 'the deployment''s pod to run' {
            Get-KubePod -Namespace $ns -ErrorAction SilentlyContinue | Where-Object { $_.Metadata.Labels['app'] -eq 'exec-app' -and $_.ApiStatus.Phase -eq 'Running' } |
                ForEach-Object { $_.Metadata.Name }
        } | Where-Object { $_ } | Select-Object -First 1
        Invoke-KubeExec -Deployment app -Namespace $ns -- hostname | Should -Be $pod
        Invoke-KubeExec deploy/app -Namespace $ns -- hostname | Should -Be $pod
        Invoke-KubeExec -Service app -Namespace $ns -- hostname | Should -Be $pod
        Invoke-Kubectl exec deploy/app -n $ns '--' hostname | Should -Be $pod
    }

    It 'asks for a terminal with -Tty: everything arrives on stdout' {
        $ours = Invoke-KubeExec shell -Namespace $ns -Command sh, -c, 'echo out; echo err >&2' -Tty
        $ours | Should -Contain 'out'
        $ours | Should -Contain 'err'
    }
}
