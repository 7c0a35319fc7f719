# The practice cluster's lifecycle: instances, locking, the kubeconfig on start and stop, and a
# server that a terminal's Ctrl+C never reaches. Every test uses its own PRACTICEK8S_HOME and
# kubeconfig under TestDrive, and only ever stops or kills the servers it started.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:savedKubeconfig, $script:savedHome = $env:KUBECONFIG, $env:PRACTICEK8S_HOME
    $script:kubectl = (Get-Command kubectl -ErrorAction Stop).Source

    function Use-TestHome([string] $Name) {
        # A kubeconfig path and a state home of this test's own (the kubeconfig does not exist yet).
        $root = New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name) -Force
        $env:KUBECONFIG = Join-Path $root 'kubeconfig'
        $env:PRACTICEK8S_HOME = Join-Path $root 'home'
        $root.FullName
    }

    function Get-OwnServers([string] $Root) {
        # The sandbox servers whose data dir is under this test's folder: only those this test started.
        @(Get-Process | Where-Object { $_.CommandLine -like "*PracticeK8s.Sandbox.dll*--data-dir $Root*" })
    }

    function Get-Mode([string] $Path) { [Convert]::ToString([int](Get-Item $Path).UnixFileMode, 8) }

    function Stop-OwnServers([string] $Root) {
        Stop-KubeSandbox -All -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        Get-OwnServers $Root | Stop-Process -Force -ErrorAction SilentlyContinue
    }
}

AfterAll {
    $env:KUBECONFIG, $env:PRACTICEK8S_HOME = $savedKubeconfig, $savedHome
}

Describe 'Start-KubeSandbox on a machine with no kubeconfig' {
    BeforeAll {
        $script:root = Use-TestHome 'fresh'
        $script:notices = @()
        $script:info = Start-KubeSandbox -InformationVariable notices -InformationAction SilentlyContinue
        $script:startNotices = $notices
    }
    AfterAll { Stop-OwnServers $root }

    It 'makes the sandbox the kubeconfig''s current-context and says how kubectl reaches it' {
        $info.Name | Should -Be 'practicek8s'
        $info.Context | Should -Be 'practicek8s'
        (Get-Content $env:KUBECONFIG -Raw) | Should -Match '(?m)^current-context: practicek8s$'
        "$startNotices" | Should -Match 'kubectl reaches it now: current-context is "practicek8s"'
    }

    It 'answers plain kubectl at once, with no other step' {
        $nodes = & $kubectl get nodes -o name 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "$nodes"
        $nodes | Should -Be @('node/sandbox-node-1', 'node/sandbox-node-2', 'node/sandbox-node-3')
        & $kubectl config current-context | Should -Be 'practicek8s'
    }

    It 'answers Start-Job { Get-KubePod } at once' {
        $pods = Start-Job { Import-Module $using:ModulePath; Get-KubePod -Namespace kube-system } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        @($pods).Count | Should -BeGreaterThan 0
    }

    It 'returns the same running instance, with a warning, when started again' {
        $again = Start-KubeSandbox -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore
        $again.Url | Should -Be $info.Url
        $again.ProcessId | Should -Be $info.ProcessId
        "$warned" | Should -Match "already running at $([regex]::Escape($info.Url))"
        @(Get-OwnServers $root).Count | Should -Be 1
    }

    It 'lists the instance with name, status, URL, PID, data dir and start time' {
        $listed = Get-KubeSandbox
        $listed.Name | Should -Be 'practicek8s'
        $listed.Status | Should -Be 'Running'
        $listed.ProcessId | Should -Be $info.ProcessId
        $listed.DataDir | Should -Be (Join-Path $env:PRACTICEK8S_HOME 'instances/practicek8s/data')
        $listed.StartedAt | Should -BeOfType [datetime]
        $table = Get-KubeSandbox | Out-String -Width 250
        $table | Should -Match 'NAME\s+STATUS\s+URL\s+PID\s+STARTED\s+ISOLATION\s+DATA DIR'
        $listed.Isolation | Should -BeIn @('Namespaces', 'None')
        $table | Should -Match "practicek8s\s+Running\s+$([regex]::Escape($info.Url))\s+$($info.ProcessId)\s"
    }

    It 'runs the server in a session of its own, away from the terminal''s signals' {
        $stat = (Get-Content "/proc/$($info.ProcessId)/stat" -Raw) -replace '^.*\) ', ''
        $fields = $stat -split ' '
        # After the command name: state, ppid, pgrp, session.
        [int]$fields[2] | Should -Be $info.ProcessId -Because 'the server leads its own process group'
        [int]$fields[3] | Should -Be $info.ProcessId -Because 'the server leads its own session'
    }

    It 'keeps state where it says: private folders under PRACTICEK8S_HOME' {
        $instance = Join-Path $env:PRACTICEK8S_HOME 'instances/practicek8s'
        foreach ($path in @($env:PRACTICEK8S_HOME, $instance, (Join-Path $instance 'data'))) {
            Get-Mode $path | Should -Be '700' -Because $path
        }
        foreach ($file in @('state.json', 'lock', 'data/sandbox.log')) {
            Get-Mode (Join-Path $instance $file) | Should -Be '600' -Because $file
        }
        Get-Mode $env:KUBECONFIG | Should -Be '600'
    }

    It 'stops cleanly: no server, no kubeconfig left behind, the instance kept as Stopped' {
        $stopped = Stop-KubeSandbox -PassThru
        $stopped.Status | Should -Be 'Stopped'
        $stopped.Running | Should -BeFalse
        Test-Path $env:KUBECONFIG | Should -BeFalse -Because 'there was no kubeconfig before the start'
        @(Get-OwnServers $root).Count | Should -Be 0
        (Get-KubeSandbox).Status | Should -Be 'Stopped'
    }
}

Describe 'Stop-KubeSandbox restores the kubeconfig byte for byte: <Case>' -ForEach @(
    @{ Case = 'a file with other contexts'; Current = '' }
    @{ Case = 'a file whose current-context was another cluster'; Current = 'prod' }
) {
    BeforeAll {
        $script:root = Use-TestHome ($Case -replace '\W', '-')
        $null = New-TestKubeconfig -Path $env:KUBECONFIG -Current $Current -Contexts @(
            @{ Name = 'prod'; Cluster = 'prod-cluster'; User = 'prod-admin'; Server = 'https://10.0.0.1:6443' }
            @{ Name = 'staging'; Cluster = 'staging-cluster'; User = 'staging-admin'; Server = 'https://10.0.0.2:6443' })
        chmod 640 $env:KUBECONFIG
        $script:before = (Get-FileHash $env:KUBECONFIG).Hash
    }
    AfterAll { Stop-OwnServers $root }

    It 'switches to the sandbox, then puts every byte back' {
        $info = Start-KubeSandbox -InformationAction Ignore
        & $kubectl config current-context | Should -Be $info.Context
        & $kubectl config get-contexts -o name | Sort-Object | Should -Be @('practicek8s', 'practicek8s-readonly', 'prod', 'staging')
        Stop-KubeSandbox
        (Get-FileHash $env:KUBECONFIG).Hash | Should -Be $before
        Get-Mode $env:KUBECONFIG | Should -Be '640'
    }

    It 'with -NoSwitch keeps the current-context, and restores the file too' {
        $info = Start-KubeSandbox -NoSwitch -InformationVariable notices -InformationAction SilentlyContinue
        (Get-Content $env:KUBECONFIG -Raw) | Should -Match "(?m)^current-context: $Current\r?$"
        "$notices" | Should -Match "kubectl --context $($info.Context) get nodes"
        (& $kubectl --context $info.Context get nodes -o name).Count | Should -Be 3
        Stop-KubeSandbox
        (Get-FileHash $env:KUBECONFIG).Hash | Should -Be $before
    }

    It 'takes out only its own entries when the file changed in between' {
        $null = Start-KubeSandbox -InformationAction Ignore
        & $kubectl config set-context extra --cluster prod-cluster --user prod-admin | Out-Null
        Stop-KubeSandbox
        & $kubectl config get-contexts -o name | Sort-Object | Should -Be @('extra', 'prod', 'staging')
        $current = & $kubectl config current-context 2>$null
        if ($Current) { $current | Should -Be $Current } else { $current | Should -BeNullOrEmpty }
    }
}

Describe 'Named instances' {
    BeforeAll { $script:root = Use-TestHome 'named' }
    AfterAll { Stop-OwnServers $root }

    It 'runs two names side by side on different ports, each with its own contexts' {
        $first = Start-KubeSandbox -Name alpha -InformationAction Ignore
        $second = Start-KubeSandbox -Name beta -NoSwitch -InformationAction Ignore
        $second.Port | Should -Not -Be $first.Port
        $second.ProcessId | Should -Not -Be $first.ProcessId
        (Get-KubeNode -Context alpha).Count | Should -Be 3
        (Get-KubeNode -Context beta).Count | Should -Be 3
        & $kubectl config current-context | Should -Be 'alpha'
        (Get-KubeSandbox).Name | Should -Be @('alpha', 'beta')
        @(Get-OwnServers $root).Count | Should -Be 2
    }

    It 'stops one by name and leaves the other running' {
        Stop-KubeSandbox -Name beta
        (Get-KubeSandbox beta).Status | Should -Be 'Stopped'
        (Get-KubeSandbox alpha).Status | Should -Be 'Running'
        & $kubectl config get-contexts -o name | Sort-Object | Should -Be @('alpha', 'alpha-readonly')
    }

    It 'says once per session, in plain words, when pods run as the user''s own processes' {
        $first = Start-KubeSandbox -Name plain -NoSwitch -Temporary -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore
        $again = Start-KubeSandbox -Name plain -NoSwitch -WarningVariable warnedAgain -WarningAction SilentlyContinue -InformationAction Ignore
        if ($first.Isolation -eq 'None') {
            "$warned" | Should -Match 'pods in this practice cluster run as your own processes'
        }
        else {
            "$warned" | Should -Not -Match 'run as your own processes'
        }
        "$warnedAgain" | Should -Not -Match 'run as your own processes'
        $again.Isolation | Should -Be $first.Isolation
        Stop-KubeSandbox -Name plain
    }

    It 'refuses a name that the kubeconfig already uses for another cluster' {
        & $kubectl config set-context mine --cluster elsewhere --user someone | Out-Null
        { Start-KubeSandbox -Name mine -ErrorAction Stop } | Should -Throw '*already has a context named "mine"*'
        { Start-KubeSandbox -Name 'Not_A_Name' -ErrorAction Stop } | Should -Throw "*'Not_A_Name' is not a sandbox name*"
    }

    It 'says which instances exist when the one named is not there' {
        Stop-KubeSandbox -Name nope -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match "no sandbox is named 'nope' \(there are: alpha, beta\)"
        { Get-KubeSandbox nope -ErrorAction Stop } | Should -Throw "*no sandbox is named 'nope'*"
    }

    It 'Remove-KubeSandbox deletes the instance and its data' {
        Remove-KubeSandbox -Name alpha, beta -Confirm:$false
        Get-KubeSandbox | Should -BeNullOrEmpty
        Test-Path (Join-Path $env:PRACTICEK8S_HOME 'instances/alpha') | Should -BeFalse
        & $kubectl config get-contexts -o name | Should -Be 'mine' -Because 'only the context the test added by hand is left'
        @(Get-OwnServers $root).Count | Should -Be 0
    }
}

Describe 'Two shells starting the same instance at the same moment' {
    BeforeAll { $script:root = Use-TestHome 'race' }
    AfterAll { Stop-OwnServers $root }

    It 'gives one server, and both callers the same URL' {
        $go = Join-Path $root 'go'
        $start = {
            param($module, $go)
            Import-Module $module
            while (-not (Test-Path $go)) { Start-Sleep -Milliseconds 20 }
            $info = Start-KubeSandbox -Name race -WarningAction SilentlyContinue -InformationAction Ignore
            "$($info.Url) $($info.ProcessId)"
        }
        # Separate pwsh processes (jobs), released together once both have loaded the module.
        $jobs = 1..2 | ForEach-Object { Start-Job -ScriptBlock $start -ArgumentList $ModulePath, $go }
        Start-Sleep -Seconds 3
        $null = New-Item -ItemType File -Path $go
        $answers = $jobs | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        @($answers).Count | Should -Be 2
        $answers[0] | Should -Be $answers[1]
        @(Get-OwnServers $root).Count | Should -Be 1
    }
}

Describe 'An instance whose server died' {
    BeforeAll { $script:root = Use-TestHome 'stale' }
    AfterAll { Stop-OwnServers $root }

    It 'shows as Exited, and the next start brings the same cluster back with its objects' {
        $first = Start-KubeSandbox -InformationAction Ignore
        & $kubectl create configmap kept --from-literal=a=b | Out-Null
        $LASTEXITCODE | Should -Be 0
        Stop-Process -Id $first.ProcessId -Force
        Wait-Until { (Get-KubeSandbox).Status -eq 'Exited' } -Because 'the killed server to be seen as gone' | Out-Null
        $second = Start-KubeSandbox -InformationAction Ignore
        $second.ProcessId | Should -Not -Be $first.ProcessId
        & $kubectl get configmap kept -o jsonpath='{.data.a}' | Should -Be 'b'
        Stop-KubeSandbox
        Test-Path $env:KUBECONFIG | Should -BeFalse -Because 'the restart kept the record of a kubeconfig that did not exist'
    }

    It 'refuses to start on damaged storage, naming the file, and -Recover continues from the records before it' {
        $null = Start-KubeSandbox -InformationAction Ignore
        foreach ($i in 1..6) { & $kubectl create configmap "cm-$i" --from-literal=n=$i | Out-Null }
        $info = Stop-KubeSandbox -PassThru
        # One byte of cm-4's record changed, the record's length kept: its checksum no longer matches.
        $damaged = Get-ChildItem $info.DataDir -Filter 'objects.*' | Where-Object { (Get-Content $_ -Raw) -match '"name":"cm-4"' } | Select-Object -First 1
        $damaged | Should -Not -BeNullOrEmpty
        $bytes = [IO.File]::ReadAllBytes($damaged.FullName)
        $at = [Text.Encoding]::UTF8.GetString($bytes).IndexOf('"name":"cm-4"') + 11
        $bytes[$at] = [byte][char]'X'
        [IO.File]::WriteAllBytes($damaged.FullName, $bytes)
        $hash = (Get-FileHash $damaged.FullName).Hash

        $failure = { Start-KubeSandbox -InformationAction Ignore -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match ([regex]::Escape($damaged.FullName))
        $failure.Exception.Message | Should -Match 'offset \d+'
        "$($failure.ErrorDetails.RecommendedAction) $($failure.Exception.RecommendedAction)" | Should -Match 'Start-KubeSandbox -Recover'
        (Get-FileHash $damaged.FullName).Hash | Should -Be $hash -Because 'a refused start leaves the file as it was'

        $null = Start-KubeSandbox -Recover -InformationAction Ignore
        & $kubectl get configmap cm-3 -o jsonpath='{.data.n}' | Should -Be '3'
        Get-ChildItem $info.DataDir -Filter "$($damaged.Name).corrupt-*" | Should -Not -BeNullOrEmpty
        Stop-KubeSandbox
    }

    It 'cleans the leftovers of a temporary instance on the next start' {
        $temporary = Start-KubeSandbox -Name scratch -Temporary -NoSwitch -InformationAction Ignore
        Stop-Process -Id $temporary.ProcessId -Force
        Wait-Until { (Get-KubeSandbox scratch).Status -eq 'Exited' } | Out-Null
        $null = Start-KubeSandbox -InformationAction Ignore
        Get-KubeSandbox scratch -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-Path (Join-Path $env:PRACTICEK8S_HOME 'instances/scratch') | Should -BeFalse
        & $kubectl config get-contexts -o name | Should -Not -Contain 'scratch'
        Stop-KubeSandbox
    }

    It 'goes on with a -DataDir given before, and Remove-KubeSandbox leaves that folder' {
        $dataDir = Join-Path $root 'my-data'
        $null = Start-KubeSandbox -Name elsewhere -DataDir $dataDir -InformationAction Ignore
        & $kubectl create configmap in-my-data --from-literal=a=b | Out-Null
        Stop-KubeSandbox elsewhere
        $again = Start-KubeSandbox -Name elsewhere -InformationAction Ignore
        $again.DataDir | Should -Be $dataDir
        & $kubectl get configmap in-my-data -o name | Should -Be 'configmap/in-my-data'
        Remove-KubeSandbox elsewhere -Confirm:$false
        Test-Path (Join-Path $dataDir 'objects.wal') | Should -BeTrue
        Get-KubeSandbox elsewhere -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'deletes a temporary instance with its data when it stops' {
        $temporary = Start-KubeSandbox -Name scratch2 -Temporary -InformationAction Ignore
        Test-Path $temporary.DataDir | Should -BeTrue
        Stop-KubeSandbox scratch2
        Test-Path $temporary.InstanceDir | Should -BeFalse
    }
}

Describe 'Ctrl+C in a terminal' {
    # pwsh runs interactively in a real pseudo-terminal (tmux, on a socket of this test's own);
    # Ctrl+C is typed as the terminal's interrupt character, as a user would press it.
    BeforeAll {
        $script:root = Use-TestHome 'pty'
        $script:tmux = (Get-Command tmux -ErrorAction Stop).Source
        $script:socket = Join-Path $root 'tmux.sock'
        $pwsh = (Get-TestPwsh | ForEach-Object { "'$_'" }) -join ' '
        & $tmux -S $socket new-session -d -x 220 -y 50 -e "KUBECONFIG=$env:KUBECONFIG" -e "PRACTICEK8S_HOME=$env:PRACTICEK8S_HOME" `
            "$pwsh -NoProfile -NoLogo"
        function Send-Line([string] $Text) { & $tmux -S $socket send-keys -l $Text; & $tmux -S $socket send-keys Enter }
        function Send-CtrlC { & $tmux -S $socket send-keys C-c }
        function Get-Screen { (& $tmux -S $socket capture-pane -p -J -S -300) -join "`n" }
        function Wait-Screen([string] $Pattern, [int] $Seconds = 60) {
            Wait-Until { (Get-Screen) -match $Pattern } -Seconds $Seconds -Because "the terminal to show $Pattern`n$(Get-Screen)" | Out-Null
        }
        function Test-Prompt { (@((Get-Screen) -split "`n" | Where-Object { $_.Trim() }))[-1].TrimEnd() -match '^PS .*>$' }

        # Typing before the prompt is drawn would be echoed by the terminal but never run.
        Wait-Until { Test-Prompt } -Seconds 60 -Because 'pwsh to show its prompt' | Out-Null

        Send-Line "Import-Module '$ModulePath'; `$s = Start-KubeSandbox; 'STARTED-' + `$s.ProcessId"
        Wait-Screen 'STARTED-\d+'
        $script:serverPid = [int]([regex]::Match((Get-Screen), 'STARTED-(\d+)').Groups[1].Value)
        Send-Line "kubectl create configmap marker --from-literal=kept=yes; kubectl run ticker --image=busybox -- sh -c 'while true; do echo tick; sleep 1; done'"
        Wait-Screen 'pod/ticker created'
        Wait-Until { Test-Prompt } | Out-Null
    }
    AfterAll {
        & $tmux -S $socket kill-server 2>$null
        Stop-OwnServers $root
    }

    It 'interrupts <Command> and the cluster keeps answering' -ForEach @(
        @{ Command = 'Get-KubePod -Watch'; Shows = 'ticker' }
        @{ Command = 'Get-KubeLog ticker -Follow'; Shows = 'tick' }
        @{ Command = 'Start-Sleep 20'; Shows = $null }
    ) {
        if ($Command -like 'Get-KubeLog*') { Wait-Until { (& $kubectl get pod ticker -o jsonpath='{.status.phase}') -eq 'Running' } -Seconds 30 | Out-Null }
        if (-not (Test-Prompt)) { Send-CtrlC }   # an earlier case that failed midway
        Send-Line 'Clear-Host'
        Wait-Until { Test-Prompt } | Out-Null
        Send-Line $Command
        if ($Command -like '*-Watch') {
            # PowerShell's table shows the first rows of a stream once a later object arrives: make
            # changes until one reaches the watch (it may take a moment to start on a busy machine).
            Wait-Until {
                & $kubectl label pod ticker --overwrite "seen=$(Get-Random)" | Out-Null
                Start-Sleep -Seconds 1
                (Get-Screen) -match "(?m)^$Shows"
            } -Seconds 60 -Because "the watch to show $Shows`n$(Get-Screen)" | Out-Null
        }
        elseif ($Shows) { Wait-Screen "(?m)^$Shows" }
        else { Start-Sleep -Seconds 1 }
        Test-Prompt | Should -BeFalse -Because "$Command is still running before the interrupt"
        Send-CtrlC
        Wait-Until { Test-Prompt } -Seconds 10 -Because 'Ctrl+C to stop the command' | Out-Null
        Send-Line "'ANSWER-' + (Get-KubeSandbox).ProcessId + '-' + (Get-KubeConfigMap marker).Data['kept']"
        Wait-Screen '(ANSWER-\d+-\w+|Get-KubeConfigMap:)' -Seconds 30
        (Get-Screen) | Should -Match "ANSWER-$serverPid-yes"
        & $kubectl get configmap marker -o jsonpath='{.data.kept}' | Should -Be 'yes'
    }
}

Describe 'Start-KubeSandbox -Isolation Namespaces' {
    BeforeAll {
        $script:root = Use-TestHome 'isolated'
        $script:info = Start-KubeSandbox -Isolation Namespaces -Temporary -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore
        & $kubectl run boxed --image=busybox -- sh -c 'echo started; sleep 3600' | Out-Null
        & $kubectl wait pod/boxed --for=condition=Ready --timeout=60s | Out-Null
    }
    AfterAll { Stop-OwnServers $root }

    It 'shows the mode and does not warn that pods run unisolated' {
        $info.Isolation | Should -Be 'Namespaces'
        (Get-KubeSandbox).Isolation | Should -Be 'Namespaces'
        "$warned" | Should -Not -Match 'run as your own processes'
    }

    It 'Invoke-KubeExec sees the container: its hostname, its own processes, none of the host''s files' {
        Invoke-KubeExec boxed -Command hostname | Should -Be 'boxed'
        Invoke-KubeExec boxed -Command cat, /proc/1/cmdline | Should -Match '^(/usr)?(/bin/)?sh\W+-c\W+echo started; sleep 3600' -Because 'PID 1 is the container''s command'
        $listing = @(Invoke-KubeExec boxed -Command ls, /)
        $listing | Should -Contain 'etc'
        $listing | Should -Not -Contain 'work'
        $listing | Should -Not -Contain 'home' -Because 'no home directory of the host is mounted'
        $state = Join-Path $info.InstanceDir 'state.json'
        Invoke-KubeExec boxed -Command cat, $state -ErrorAction SilentlyContinue 2>$null | Should -BeNullOrEmpty
        $LASTEXITCODE | Should -Not -Be 0
    }

    It 'Invoke-KubeExec: ps lists only the pod''s processes; the data dir, the kubeconfig and the host''s /root are out of reach' {
        $commands = @(Invoke-KubeExec boxed -Command ps, -e, -o, comm= | ForEach-Object Trim)
        $commands | Should -Contain 'sleep'
        $commands | Where-Object { $_ -notin 'sh', 'sleep', 'ps' } | Should -BeNullOrEmpty -Because 'no host process is visible'
        foreach ($hostPath in (Join-Path $info.DataDir 'tokens.json'), $info.Kubeconfig, $info.DataDir) {
            Test-Path $hostPath | Should -BeTrue -Because "$hostPath exists on the host"
            Invoke-KubeExec boxed -Command sh, -c, "cat '$hostPath' || ls '$hostPath'" -ErrorAction SilentlyContinue 2>$null | Should -BeNullOrEmpty
        }
        @(Invoke-KubeExec boxed -Command ls, -A, /root) | Should -BeNullOrEmpty -Because 'the container''s /root is its own, empty'
    }

    It 'Invoke-KubeExec: writes to / and /tmp stay in the container, and killing the server from inside fails' {
        $marker = "pk8s-pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        Invoke-KubeExec boxed -Command sh, -c, "echo x > /$marker && echo y > /tmp/$marker && cat /$marker /tmp/$marker" | Should -Be @('x', 'y')
        Test-Path "/$marker" | Should -BeFalse
        Test-Path "/tmp/$marker" | Should -BeFalse
        Invoke-KubeExec boxed -Command kill, -9, $info.ProcessId -ErrorAction SilentlyContinue 2>$null
        $LASTEXITCODE | Should -Not -Be 0
        (Get-Process -Id $info.ProcessId -ErrorAction SilentlyContinue) | Should -Not -BeNullOrEmpty
        (Get-KubePod boxed).Name | Should -Be 'boxed' -Because 'the server keeps answering'
    }
}
