# The main job: examples/course/walkthrough.ps1 (what `build.ps1 demo` runs) performs the whole course
# against a fresh sandbox of its own, in a child pwsh as a user would run it.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $script:walkthrough = Join-Path $PSScriptRoot '../../examples/course/walkthrough.ps1'
}

Describe 'the course walkthrough' {
    BeforeAll {
        # The user's own kubeconfig and state folder: the walkthrough must leave both alone.
        $script:userKubeconfig = New-TestKubeconfig -Path (Join-Path $TestDrive 'config') -Current mine `
            -Contexts @(@{ Name = 'mine'; Cluster = 'prod'; User = 'me' })
        $script:userHome = Join-Path $TestDrive 'home'
        $script:kubeconfigBefore = (Get-FileHash $userKubeconfig).Hash
        # The walkthrough keeps its sandbox under the temporary folder: this test's own, so that only
        # the server it started can match below.
        $script:childTemp = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'tmp')).FullName
        $script:output = Invoke-ChildPwsh "& '$walkthrough' -ModulePath '$ModulePath'; exit `$LASTEXITCODE" `
            -Environment @{ KUBECONFIG = $userKubeconfig; PRACTICEK8S_HOME = $userHome; TMPDIR = $childTemp }
        $script:exitCode = $LASTEXITCODE
        $script:text = $output -join "`n"
    }

    It 'passes every step and exits 0' {
        $exitCode | Should -Be 0 -Because $text
        $text | Should -Match '(?m)^(\d+) steps: \1 passed, 0 failed$'
        [int]([regex]::Match($text, '(?m)^(\d+) steps:').Groups[1].Value) | Should -BeGreaterOrEqual 45
    }

    It 'covers the course: <Step>' -ForEach @(
        @{ Step = 'kube-system pods' }, @{ Step = 'the DaemonSet brings it back' }, @{ Step = 'a new pod replaces it' },
        @{ Step = 'scale to 4' }, @{ Step = 'describe the deployment' }, @{ Step = 'one pod per node (kubectl get all -o wide)' },
        @{ Step = 'the volume is attached' }, @{ Step = 'delete the claim' }, @{ Step = 'describe the service' },
        @{ Step = 'answers came from different pods' }, @{ Step = 'the service gets an external IP' },
        @{ Step = 'drain' }, @{ Step = 'logs' }, @{ Step = 'and back' },
        @{ Step = 'the Ingress gets an ADDRESS (kubectl get ingress)' }, @{ Step = 'the Gateway is programmed with an address' }
    ) {
        $text | Should -Match "(?m)^pass  $([regex]::Escape($Step))$"
    }

    It 'prints each command as typed, followed by its output' {
        $text | Should -Match '(?m)^PS> Publish-KubeResource -Path \S+deployment\.yaml\r?\n\r?\ndeployment\.apps/nginx-deployment created'
        $text | Should -Match '(?m)^PS> Set-KubeDeploymentScale nginx-deployment -Replicas 4 -Wait'
        $text | Should -Match '(?m)^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\r?\nnginx-deployment\s+4/4\s'
        $text | Should -Match 'Hostname: hello-'
    }

    It 'routes by path through the Ingress and the Gateway, and reaches a Service by name from inside a pod' {
        $text | Should -Match '(?m)^pass  curl http://\S+/hello$'
        $text | Should -Match '(?m)^pass  curl http://\S+/nginx$'
        $text | Should -Match '(?m)^pass  curl http://\S+:8080/hello$'
        & unshare --user --map-root-user true 2>$null
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'this system does not let the user create user namespaces'; return }
        $text | Should -Match '(?m)^pass  wget -qO- http://hello:8080 inside the pod$'
        $text | Should -Match '(?m)^pass  nslookup hello inside the pod$'
    }

    It 'shows hostname and ls / from inside a pod: the pod''s name and its own root' {
        # Auto isolates where this user may create user namespaces (the machines the suite runs on).
        & unshare --user --map-root-user true 2>$null
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'this system does not let the user create user namespaces'; return }
        $text | Should -Match "(?m)^PS> Invoke-KubeExec -Namespace kube-system -Name (calico-node-\w+) -Command hostname\r?\n\1\r?\n"
        $text | Should -Match '(?m)^PS> Invoke-KubeExec -Namespace kube-system -Name calico-node-\w+ -Command ls, /\r?\n(\w.*\r?\n)*usr\r?\n'
        $text | Should -Match "(?m)^pass  inside the pod, the host name is the pod's$"
        $text | Should -Match "(?m)^pass  and / is the container's own root, none of the host's folders$"
    }

    It 'leaves the user''s kubeconfig and state alone and no sandbox running' {
        (Get-FileHash $userKubeconfig).Hash | Should -Be $kubeconfigBefore
        Test-Path $userHome | Should -BeFalse
        @(Get-Process | Where-Object CommandLine -like "*PracticeK8s.Sandbox.dll*$childTemp*").Count | Should -Be 0
    }
}

Describe 'the course walkthrough in host-process mode (Start-KubeSandbox -Isolation None)' {
    # Where namespaces are unavailable the sandbox falls back to this mode: the course must still pass.
    BeforeAll {
        $kubeconfig = New-TestKubeconfig -Path (Join-Path $TestDrive 'config-none') -Current mine `
            -Contexts @(@{ Name = 'mine'; Cluster = 'prod'; User = 'me' })
        $childTemp = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'tmp-none')).FullName
        $script:noneOutput = Invoke-ChildPwsh "& '$walkthrough' -ModulePath '$ModulePath' -Isolation None; exit `$LASTEXITCODE" `
            -Environment @{ KUBECONFIG = $kubeconfig; PRACTICEK8S_HOME = (Join-Path $TestDrive 'home-none'); TMPDIR = $childTemp }
        $script:noneExit = $LASTEXITCODE
        $script:noneText = $noneOutput -join "`n"
    }

    It 'passes every step and exits 0' {
        $noneExit | Should -Be 0 -Because $noneText
        $noneText | Should -Match '(?m)^PS> Start-KubeSandbox -Isolation None$'
        $noneText | Should -Match '(?m)^(\d+) steps: \1 passed, 0 failed$'
    }
}
