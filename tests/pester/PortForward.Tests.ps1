# Start-/Get-/Stop-KubePortForward against a sandbox: hello-app pods answer 'Hello, world!' on 8080 through
# the local port, for a pod, a Service (named targetPort) and a Deployment; 20 connections at once; a
# deleted pod ends the forward with kubectl's warning; Stop frees the port; Ctrl+C (-Wait) and closing
# the session leave no listener.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = New-TestNamespace 'pf-tests'
    $hello = "{name: hello, image: 'gcr.io/google-samples/hello-app:1.0', ports: [{name: http, containerPort: 8080}]}"
    Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: hello, namespace: $ns}
spec:
  replicas: 1
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      containers: [$hello]
---
apiVersion: v1
kind: Service
metadata: {name: hello, namespace: $ns}
spec: {selector: {app: hello}, ports: [{name: web, port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: $ns, labels: {app: solo}}
spec:
  containers: [$hello]
---
apiVersion: v1
kind: Pod
metadata: {name: stuck, namespace: $ns}
spec:
  nodeSelector: {no-such-label: x}
  containers: [$hello]
"@ | Out-Null
    $script:pod = Wait-Until -Seconds 60 -Because 'the hello pods run and are ready' {
        $ready = Invoke-Kubectl get pods -n $ns -l app -o 'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status} {end}'
        $deployed = ("$ready" -split ' ' | Where-Object { $_ -like 'hello-*=True' }) -replace '=True$'
        if ($deployed -and "$ready" -match 'solo=True') { $deployed }
    }

    function Get-Hello([int] $Port) {
        # The pod's server may still be starting: a few tries.
        Wait-Until -Seconds 20 -Because "Hello, world! on 127.0.0.1:$Port" {
            $r = Invoke-WebRequest "http://127.0.0.1:$Port/" -TimeoutSec 10 -Headers @{ Connection = 'close' }
            if ($r.Content -match 'Hello, world!') { $r.Content }
        }
    }

    function Test-PortFree([int] $Port) {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $Port)
        try { $probe.Start(); $true } catch { $false } finally { $probe.Stop() }
    }
}

AfterAll {
    Stop-KubePortForward -All -Confirm:$false -ErrorAction SilentlyContinue
    Stop-TestSandbox
}

Describe 'Start-KubePortForward' {
    AfterEach { Stop-KubePortForward -All -Confirm:$false }

    It 'forwards a free local port to a pod and shows it as a table row' {
        $pf = Start-KubePortForward $pod -Namespace $ns -Port 0:8080
        $pf.State | Should -Be 'Running'
        $pf.Target | Should -Be "pod/$pod"
        $pf.Pod | Should -Be $pod
        $pf.RemotePorts | Should -Be @(8080)
        $port = $pf.LocalPorts[0]
        $port | Should -BeGreaterThan 0
        $pf.Endpoints.Address | Should -Contain "127.0.0.1:$port"
        Get-Hello $port | Should -Match 'Hello, world!'
        $table = Get-KubePortForward | Out-String -Width 200
        $table | Should -Match '(?m)^Id\s+Target\s+Local\s+Remote\s+State'
        $table | Should -Match "(?m)^$($pf.Id)\s+pod/$pod\s+\S*127\.0\.0\.1:$port\S*\s+8080\s+Running"
    }

    It 'forwards to a Service: the service port maps to its named targetPort, as <Form>' -ForEach @(
        @{ Form = '-Service hello'; Arguments = @{ Service = 'hello' } }
        @{ Form = 'svc/hello'; Arguments = @{ Name = 'svc/hello' } }
    ) {
        $pf = Start-KubePortForward @Arguments -Namespace $ns -Port :80
        $pf.Target | Should -Be 'service/hello'
        $pf.Pod | Should -Be $pod
        $pf.RemotePorts | Should -Be @(8080)
        Get-Hello $pf.LocalPorts[0] | Should -Match 'Hello, world!'
    }

    It 'forwards to a Deployment by a named container port, and to piped objects' {
        $pf = Start-KubePortForward deploy/hello -Namespace $ns -Port 0:http
        $pf.Target | Should -Be 'deployment.apps/hello'
        $pf.RemotePorts | Should -Be @(8080)
        Get-Hello $pf.LocalPorts[0] | Should -Match 'Hello, world!'
        $piped = Get-KubeDeployment hello -Namespace $ns | Start-KubePortForward -Port 0:8080
        $piped.Pod | Should -Be $pod
        Get-Hello $piped.LocalPorts[0] | Should -Match 'Hello, world!'
    }

    It 'carries 20 concurrent connections through one forward' {
        $pf = Start-KubePortForward $pod -Namespace $ns -Port 0:8080
        $port = $pf.LocalPorts[0]
        $null = Get-Hello $port
        $before = $pf.TotalConnections
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $client.Timeout = [TimeSpan]::FromSeconds(30)
            $client.DefaultRequestHeaders.ConnectionClose = $true   # one TCP connection per request
            $tasks = 1..20 | ForEach-Object { $client.GetStringAsync("http://127.0.0.1:$port/") }
            [System.Threading.Tasks.Task]::WaitAll([System.Threading.Tasks.Task[]] $tasks, [TimeSpan]::FromSeconds(60)) | Should -BeTrue
            $bodies = $tasks | ForEach-Object Result
        }
        finally { $client.Dispose() }
        @($bodies | Where-Object { $_ -match 'Hello, world!' }).Count | Should -Be 20
        ($pf.TotalConnections - $before) | Should -BeGreaterOrEqual 20
        $pf.State | Should -Be 'Running'
    }

    It 'reports errors like kubectl: unknown pod, a pod that is not running, an unknown port name' {
        Start-KubePortForward nope -Namespace $ns -Port 8080 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Be 'pods "nope" not found'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Invoke-KubectlRaw port-forward nope 8080 -n $ns).Output -join "`n" | Should -Match 'pods "nope" not found'

        Start-KubePortForward stuck -Namespace $ns -Port 8080 -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].Exception.Message | Should -Be 'unable to forward port because pod is not running. Current status=Pending'
        (Invoke-KubectlRaw port-forward stuck 8080 -n $ns).Output -join "`n" | Should -Match 'unable to forward port because pod is not running. Current status=Pending'

        Start-KubePortForward $pod -Namespace $ns -Port 0:grpc -ErrorVariable err3 -ErrorAction SilentlyContinue
        $err3[0].Exception.Message | Should -Be "Pod '$pod' does not have a named port 'grpc'"
        Get-KubePortForward | Should -BeNullOrEmpty
    }

    It 'ends when the server reports an error on a connection (nothing listens on the pod port)' {
        $pf = Start-KubePortForward $pod -Namespace $ns -Port 0:9999
        $port = $pf.LocalPorts[0]
        try { $null = Invoke-WebRequest "http://127.0.0.1:$port/" -TimeoutSec 10 } catch { }
        Wait-Until -Seconds 10 -Because 'the forward ended' { $pf.State -eq 'Ended' } | Out-Null
        $pf.Error | Should -Match '^an error occurred forwarding \d+ -> 9999: .+; lost connection to pod$'
        Test-PortFree $port | Should -BeTrue
        $null = Get-KubeNamespace $ns -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match "Port-forward $($pf.Id) \(pod/$pod in namespace $ns, .*\) ended: an error occurred forwarding"
    }

    It 'ends with kubectl''s "lost connection to pod" when the pod is deleted, warned once by the next command' {
        $pf = Start-KubePortForward solo -Namespace $ns -Port 0:8080
        $port = $pf.LocalPorts[0]
        Get-Hello $port | Should -Match 'Hello, world!'
        Invoke-Kubectl delete pod solo -n $ns --grace-period=0 --force 2>$null | Out-Null
        Wait-Until -Seconds 20 -Because 'the forward ended' { $pf.State -eq 'Ended' } | Out-Null
        $pf.Error | Should -Be 'lost connection to pod'
        Test-PortFree $port | Should -BeTrue
        $listed = Get-KubePortForward -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -BeLike "Port-forward $($pf.Id) (pod/solo in namespace $ns, *) ended: lost connection to pod"
        ($listed | Where-Object Id -eq $pf.Id).State | Should -Be 'Ended'
        $null = Get-KubePortForward -WarningVariable again -WarningAction SilentlyContinue
        $again | Should -BeNullOrEmpty
    }
}

Describe 'Port-forward completion' {
    It 'completes <Line> with the ports the target declares' -ForEach @(
        @{ Line = 'Start-KubePortForward solo2 -Namespace pf-tests -Port '; Expected = @('8080') }
        @{ Line = 'Start-KubePortForward solo2 -Namespace pf-tests -Port 9000:'; Expected = @('9000:8080') }
        @{ Line = 'Start-KubePortForward -Service hello -Namespace pf-tests -Port '; Expected = @('80') }
        @{ Line = 'Start-KubePortForward deploy/hello -Namespace pf-tests -Port '; Expected = @('8080') }
    ) {
        if (-not (Test-Exists pod solo2 $ns)) {
            Invoke-KubectlApply "apiVersion: v1`nkind: Pod`nmetadata: {name: solo2, namespace: $ns}`nspec:`n  containers: [{name: hello, image: 'gcr.io/google-samples/hello-app:1.0', ports: [{name: http, containerPort: 8080}]}]" | Out-Null
        }
        $completions = Wait-Until -Seconds 10 -Because 'completion answers' {
            $found = (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
            if ($found) { , @($found) }
        }
        $completions.CompletionText | Should -Be $Expected
    }

    It 'completes -Service with the Services of the namespace' {
        $line = 'Start-KubePortForward -Namespace pf-tests -Service hel'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'hello'
    }
}

Describe 'Stop-KubePortForward' {
    It 'changes nothing with -WhatIf, then frees the port when stopped by pipeline' {
        $pf = Start-KubePortForward $pod -Namespace $ns -Port 0:8080
        $port = $pf.LocalPorts[0]
        $pf | Stop-KubePortForward -WhatIf
        $pf.State | Should -Be 'Running'
        Test-PortFree $port | Should -BeFalse
        Get-KubePortForward -Id $pf.Id | Should -Not -BeNullOrEmpty

        Get-KubePortForward -Id $pf.Id | Stop-KubePortForward
        $pf.State | Should -Be 'Stopped'
        Test-PortFree $port | Should -BeTrue
        Get-KubePortForward -Id $pf.Id -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubePortForwardNotFound,*'
    }
}

Describe 'Port-forward lifetime' {
    BeforeAll {
        $script:context = $sandbox.Context
        function New-Session {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$ModulePath'").Invoke()
            $ps.Commands.Clear()
            $ps
        }
        function Get-KubectlForwardingLines([string] $Pod, [int] $Remote) {
            # kubectl port-forward's "Forwarding from" lines for a free local port (shown as PORT), read from its output.
            $info = [Diagnostics.ProcessStartInfo]::new((Get-Command kubectl).Source)
            foreach ($a in $KubectlArgs + @('port-forward', '-n', $ns, "pod/$Pod", "0:$Remote")) { $info.ArgumentList.Add($a) }
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $kubectl = [Diagnostics.Process]::Start($info)
            try {
                $read = $kubectl.StandardOutput.ReadLineAsync()
                $first = if ($read.Wait(20000)) { $read.Result } else { throw 'kubectl port-forward printed nothing in 20 s' }
                $lines = @($first)
                $second = $kubectl.StandardOutput.ReadLineAsync()
                if ($second.Wait(2000) -and $second.Result) { $lines += $second.Result }
                $lines -replace ':\d+ ', ':PORT '
            }
            finally { $kubectl.Kill(); $kubectl.WaitForExit() }
        }
        function Wait-PortBound([int] $Port) {
            Wait-Until -Seconds 30 -Because "a listener on $Port" { -not (Test-PortFree $Port) } | Out-Null
        }
    }

    It '-Wait prints kubectl''s lines and Ctrl+C (stop) leaves no listener' {
        $port = Get-Random -Minimum 20000 -Maximum 30000
        while (-not (Test-PortFree $port)) { $port++ }
        $ps = New-Session
        try {
            $null = $ps.AddCommand('Start-KubePortForward').AddParameters(@{ Name = $pod; Namespace = $ns; Context = $context; Port = "${port}:8080"; Wait = $true })
            $run = $ps.BeginInvoke()
            Wait-PortBound $port
            Get-Hello $port | Should -Match 'Hello, world!'
            $lines = @($ps.Streams.Information | ForEach-Object { "$($_.MessageData)" })
            $lines | Should -Contain "Forwarding from 127.0.0.1:$port -> 8080"
            $lines | Should -Contain "Handling connection for $port"
            $kubectlLines = Get-KubectlForwardingLines $pod 8080
            $ours = @($lines | Where-Object { $_ -like 'Forwarding from*' }) -replace ":$port ", ':PORT '
            $ours | Should -Be $kubectlLines -Because 'the lines read like kubectl''s'
            $ps.Stop()
            $run.IsCompleted | Should -BeTrue
            Test-PortFree $port | Should -BeTrue
        }
        finally { $ps.Dispose() }
    }

    It 'leaves, when stopped at any moment of Start, either a listed forward or no listener' {
        $ps = New-Session
        try {
            $outcomes = foreach ($delay in 0, 5, 10, 20, 40, 80, 120, 160, 250, 400) {
                $port = Get-Random -Minimum 20000 -Maximum 30000
                while (-not (Test-PortFree $port)) { $port++ }
                $ps.Commands.Clear()
                $run = $ps.AddCommand('Start-KubePortForward').AddParameters(@{ Name = $pod; Namespace = $ns; Context = $context; Port = "${port}:8080" }).BeginInvoke()
                Start-Sleep -Milliseconds $delay
                $ps.Stop()
                $ps.Commands.Clear()
                $listed = @($ps.AddCommand('Get-KubePortForward').Invoke() | Where-Object { $_.LocalPorts -contains $port })
                $ps.Commands.Clear()
                if ($listed) {
                    $null = $ps.AddCommand('Stop-KubePortForward').AddParameter('Id', $listed[0].Id).Invoke()
                    'handed over'
                }
                else {
                    Test-PortFree $port | Should -BeTrue -Because "a stop after $delay ms left no forward, so no listener either"
                    'stopped'
                }
                Test-PortFree $port | Should -BeTrue
            }
            $outcomes | Should -Contain 'stopped'
        }
        finally { $ps.Dispose() }
    }

    It 'stops every forward of a session when the module is removed or the session closes' {
        $ps = New-Session
        try {
            $pf = $ps.AddCommand('Start-KubePortForward').AddParameters(@{ Name = $pod; Namespace = $ns; Context = $context; Port = '0:8080' }).Invoke()
            $ps.Commands.Clear()
            $port = $pf[0].LocalPorts[0]
            Get-Hello $port | Should -Match 'Hello, world!'
            $null = $ps.AddScript('Remove-Module PracticeK8s').Invoke()
            $ps.Commands.Clear()
            Test-PortFree $port | Should -BeTrue

            $null = $ps.AddScript("Import-Module '$ModulePath'").Invoke()
            $ps.Commands.Clear()
            $again = $ps.AddCommand('Start-KubePortForward').AddParameters(@{ Name = $pod; Namespace = $ns; Context = $context; Port = '0:8080' }).Invoke()
            $port = $again[0].LocalPorts[0]
            Test-PortFree $port | Should -BeFalse
        }
        finally { $ps.Runspace.Dispose(); $ps.Dispose() }
        Test-PortFree $port | Should -BeTrue
    }
}
