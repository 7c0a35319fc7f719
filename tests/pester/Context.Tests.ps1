# Contexts and the client session: kubeconfig resolution like kubectl, session-only and persisted
# switching, importing downloaded configs, and the error cases.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:kubectl = Get-KubectlPath
    $script:savedKubeconfig = $env:KUBECONFIG

    function Invoke-InNewSession([scriptblock] $Script, [object[]] $Arguments = @()) {
        # A fresh runspace of this process: its own Use-KubeContext choice, the same kubeconfig.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'").AddStatement().AddScript($Script.ToString())
            foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = $output; Errors = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    $env:KUBECONFIG = $savedKubeconfig
}

Describe 'Get-KubeContext' {
    BeforeAll {
        $script:config = New-TestKubeconfig -Path (Join-Path $TestDrive 'config') -Current lke48122-ctx -Contexts @(
            @{ Name = 'lke48122-ctx'; Cluster = 'lke48122'; User = 'lke48122-admin'; Namespace = 'default' }
            @{ Name = 'staging'; Cluster = 'staging-cluster'; User = 'staging-user' }
            @{ Name = 'kind-practice'; Cluster = 'kind-practice'; User = 'kind-practice'; Namespace = 'kube-system' })
        $env:KUBECONFIG = $config
    }

    It 'prints the same table as kubectl config get-contexts' {
        $expected = (& $kubectl config get-contexts) -join "`n"
        $LASTEXITCODE | Should -Be 0
        $ours = Get-KubeContext | Out-String -Width 200
        $kubectlRows = @(ConvertFrom-TableText $expected)
        $headers = $kubectlRows[0]
        $ourRows = @(ConvertFrom-TableText $ours -Headers $headers)
        $headers | Should -Be @('CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE')
        $ourRows.Count | Should -Be $kubectlRows.Count
        # kubectl sorts contexts by name; so does our table.
        for ($i = 0; $i -lt $kubectlRows.Count; $i++) {
            ($ourRows[$i] -join '|') | Should -Be ($kubectlRows[$i] -join '|')
        }
    }

    It 'returns objects with the columns as properties and marks the current one' {
        $contexts = Get-KubeContext
        $contexts.Count | Should -Be 3
        ($contexts | Where-Object IsCurrent).Name | Should -Be 'lke48122-ctx'
        (Get-KubeContext staging).Cluster | Should -Be 'staging-cluster'
        (Get-KubeContext -Current).Name | Should -Be 'lke48122-ctx'
        (Get-KubeContext 'k*').Name | Should -Be 'kind-practice'
        (Get-KubeContext staging).Server | Should -Be 'https://127.0.0.1:6443'
    }

    It 'reports a missing context by name as a non-terminating ObjectNotFound-style error' {
        $result = Get-KubeContext nope, staging -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Name | Should -Be 'staging'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeContextNotFound,*'
        $err[0].TargetObject | Should -Be 'nope'
    }
}

Describe 'KUBECONFIG merging' {
    BeforeAll {
        $script:first = New-TestKubeconfig -Path (Join-Path $TestDrive 'first') -Current '' -Server 'https://first:6443' -Contexts @(
            @{ Name = 'shared'; Cluster = 'shared-cluster'; User = 'first-user'; Namespace = 'from-first' }
            @{ Name = 'only-first'; Cluster = 'c1'; User = 'u1' })
        $script:second = New-TestKubeconfig -Path (Join-Path $TestDrive 'second') -Current 'only-second' -Server 'https://second:6443' -Contexts @(
            @{ Name = 'shared'; Cluster = 'shared-cluster'; User = 'second-user'; Namespace = 'from-second' }
            @{ Name = 'only-second'; Cluster = 'c2'; User = 'u2' })
        $env:KUBECONFIG = "$first$([IO.Path]::PathSeparator)$second"
    }

    It 'merges contexts with the first file winning, as kubectl does' {
        $ours = Get-KubeContext | Sort-Object Name
        $ours.Name | Should -Be @('only-first', 'only-second', 'shared')
        ($ours | Where-Object Name -eq 'shared').Namespace | Should -Be 'from-first'
        ($ours | Where-Object Name -eq 'shared').Server | Should -Be 'https://first:6443'
        $kubectlView = & $kubectl config view -o json | ConvertFrom-Json
        ($kubectlView.contexts | Where-Object name -eq 'shared').context.namespace | Should -Be 'from-first'
        $kubectlView.'current-context' | Should -Be (Get-KubeContext -Current).Name
    }

    It 'takes current-context from the first file that sets it' {
        (Get-KubeContext -Current).Name | Should -Be 'only-second'
        (& $kubectl config current-context) | Should -Be 'only-second'
    }

    It 'skips files of the list that do not exist' {
        $env:KUBECONFIG = "$(Join-Path $TestDrive 'missing')$([IO.Path]::PathSeparator)$second"
        try { (Get-KubeContext).Name | Should -Contain 'only-second' }
        finally { $env:KUBECONFIG = "$first$([IO.Path]::PathSeparator)$second" }
    }
}

Describe 'Use-KubeContext' {
    BeforeEach {
        $script:config = New-TestKubeconfig -Path (Join-Path $TestDrive 'use-config') -Current one -Contexts @(
            @{ Name = 'one'; Cluster = 'c1'; User = 'u1'; Namespace = 'ns-one' }
            @{ Name = 'two'; Cluster = 'c2'; User = 'u2' })
        # fields the module does not understand must survive a write
        Add-Content -Path $config -Value "extensions:`n- name: keep-me`n  extension:`n    answer: 42"
        $env:KUBECONFIG = $config
        $script:before = Get-Content $config -Raw
    }

    It 'switches this session only: the file and other sessions keep the old context' {
        $result = Invoke-InNewSession { Use-KubeContext two; (Get-KubeContext -Current).Name; (Get-KubeContext two).IsCurrent }
        $result.Errors | Should -BeNullOrEmpty
        $result.Output[0] | Should -Be 'two'
        $result.Output[1] | Should -BeTrue
        Get-Content $config -Raw | Should -Be $before
        (Get-KubeContext -Current).Name | Should -Be 'one'
        (& $kubectl config current-context) | Should -Be 'one'
    }

    It 'sets the session namespace with -Namespace' {
        $result = Invoke-InNewSession { Use-KubeContext two -Namespace team-a -PassThru | ForEach-Object Name }
        $result.Output | Should -Be 'two'
        Get-Content $config -Raw | Should -Be $before
    }

    It 'records current-context in the file with -Scope CurrentUser, keeping everything else' {
        if (-not $IsWindows) { chmod 640 $config }
        $mode = if (-not $IsWindows) { (Get-Item $config).UnixFileMode }
        $result = Invoke-InNewSession { Use-KubeContext two -Scope CurrentUser -Namespace persisted }
        $result.Errors | Should -BeNullOrEmpty
        (& $kubectl config current-context) | Should -Be 'two'
        $view = & $kubectl config view -o json | ConvertFrom-Json
        $view.contexts.name | Should -Be @('one', 'two')
        ($view.contexts | Where-Object name -eq 'two').context.namespace | Should -Be 'persisted'
        ($view.contexts | Where-Object name -eq 'one').context.namespace | Should -Be 'ns-one'
        $view.users.name | Should -Be @('u1', 'u2')
        (Get-Content $config -Raw) | Should -Match 'answer: 42'
        if (-not $IsWindows) { (Get-Item $config).UnixFileMode | Should -Be $mode }
    }

    It 'changes nothing with -WhatIf' {
        $result = Invoke-InNewSession { Use-KubeContext two -Scope CurrentUser -WhatIf; (Get-KubeContext -Current).Name }
        $result.Output | Should -Be 'one'
        Get-Content $config -Raw | Should -Be $before
    }

    It 'refuses a context that does not exist' {
        { Use-KubeContext nope -ErrorAction Stop } | Should -Throw -ErrorId 'KubeContextNotFound,PracticeK8s.Cmdlets.Config.UseKubeContextCommand'
        Get-Content $config -Raw | Should -Be $before
    }

    It 'completes context names' {
        $completion = TabExpansion2 -inputScript 'Use-KubeContext t' -cursorColumn 17
        $completion.CompletionMatches.CompletionText | Should -Be @('two')
    }
}

Describe 'Import-KubeConfig' {
    BeforeEach {
        $script:destination = New-TestKubeconfig -Path (Join-Path $TestDrive 'dest') -Current existing -Contexts @(
            @{ Name = 'existing'; Cluster = 'existing-cluster'; User = 'existing-user' })
        $script:download = New-TestKubeconfig -Path (Join-Path $TestDrive 'lke.yaml') -Current lke48122-ctx -Server 'https://lke.example:443' -Contexts @(
            @{ Name = 'lke48122-ctx'; Cluster = 'lke48122'; User = 'lke48122-admin'; Namespace = 'default' })
        Get-ChildItem $TestDrive -Filter 'dest.*.bak' | Remove-Item
        $env:KUBECONFIG = $destination
    }

    It 'adds the clusters, users and contexts, keeps the existing ones first and writes a backup' {
        $before = Get-Content $destination -Raw
        Import-KubeConfig -Path $download -Destination $destination
        $view = & $kubectl config view -o json | ConvertFrom-Json
        $view.contexts.name | Should -Be @('existing', 'lke48122-ctx')
        $view.clusters.name | Should -Be @('existing-cluster', 'lke48122')
        $view.users.name | Should -Be @('existing-user', 'lke48122-admin')
        $view.'current-context' | Should -Be 'existing'
        $backup = @(Get-ChildItem $TestDrive -Filter 'dest.*.bak')
        $backup.Count | Should -Be 1
        Get-Content $backup[0].FullName -Raw | Should -Be $before
        if (-not $IsWindows) { (Get-Item $destination).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'switches to the imported context with -Use' {
        $result = Invoke-InNewSession { param($d, $f) Import-KubeConfig -Path $f -Destination $d -Use; (Get-KubeContext -Current).Name } -Arguments $destination, $download
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -Be 'lke48122-ctx'
        (& $kubectl config current-context) | Should -Be 'lke48122-ctx'
    }

    It 'changes nothing when the same file is imported twice' {
        Import-KubeConfig -Path $download -Destination $destination
        $after = Get-Content $destination -Raw
        $entries = Import-KubeConfig -Path $download -Destination $destination -PassThru
        $entries.Action | Should -Not -Contain 'add'
        Get-Content $destination -Raw | Should -Be $after
    }

    It 'refuses clashing names, naming them, and writes nothing' {
        $clash = New-TestKubeconfig -Path (Join-Path $TestDrive 'clash.yaml') -Current existing -Server 'https://other:443' -Contexts @(
            @{ Name = 'existing'; Cluster = 'existing-cluster'; User = 'existing-user' })
        $before = Get-Content $destination -Raw
        { Import-KubeConfig -Path $clash -Destination $destination -ErrorAction Stop } |
            Should -Throw -ErrorId 'KubeConfigEntryExists,PracticeK8s.Cmdlets.Config.ImportKubeConfigCommand' -ExpectedMessage '*cluster "existing-cluster"*'
        Get-Content $destination -Raw | Should -Be $before
        Get-ChildItem $TestDrive -Filter 'dest.*.bak' | Should -BeNullOrEmpty
    }

    It 'replaces clashing entries with -Force' {
        $clash = New-TestKubeconfig -Path (Join-Path $TestDrive 'clash.yaml') -Current existing -Server 'https://other:443' -Contexts @(
            @{ Name = 'existing'; Cluster = 'existing-cluster'; User = 'existing-user' })
        Import-KubeConfig -Path $clash -Destination $destination -Force
        (Get-KubeContext existing).Server | Should -Be 'https://other:443'
        @(Get-KubeContext).Count | Should -Be 1
    }

    It 'imports clashing entries under new names with -Rename' {
        $clash = New-TestKubeconfig -Path (Join-Path $TestDrive 'clash.yaml') -Current existing -Server 'https://other:443' -Contexts @(
            @{ Name = 'existing'; Cluster = 'existing-cluster'; User = 'existing-user' })
        $entries = Import-KubeConfig -Path $clash -Destination $destination -Rename -PassThru
        ($entries | Where-Object Section -eq 'clusters').ImportedAs | Should -Be 'existing-cluster-2'
        (Get-KubeContext existing).Server | Should -Be 'https://127.0.0.1:6443'
        (Get-KubeContext existing-2).Server | Should -Be 'https://other:443'
        (Get-KubeContext existing-2).Cluster | Should -Be 'existing-cluster-2'
    }

    It 'writes nothing with -WhatIf' {
        $before = Get-Content $destination -Raw
        Import-KubeConfig -Path $download -Destination $destination -WhatIf
        Get-Content $destination -Raw | Should -Be $before
    }

    It 'creates a missing destination readable by its owner only' {
        $fresh = Join-Path $TestDrive 'new-dir/config'
        Import-KubeConfig -Path $download -Destination $fresh
        $fresh | Should -Exist
        if (-not $IsWindows) { (Get-Item $fresh).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') }
    }
}

Describe 'Kubeconfig and connection errors' {
    It 'a missing kubeconfig is a clear terminating error' {
        $env:KUBECONFIG = Join-Path $TestDrive 'does-not-exist'
        { Get-KubeContext -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigNotFound,*' -ExpectedMessage "*does-not-exist*"
    }

    It 'an unreadable kubeconfig (a directory) names the file' {
        $dir = Join-Path $TestDrive 'a-directory'
        $null = New-Item -ItemType Directory $dir -Force
        $env:KUBECONFIG = $dir
        { Get-KubeContext -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigUnreadable,*' -ExpectedMessage "*a-directory*"
    }

    It 'a malformed kubeconfig names file, line and column' {
        $bad = Join-Path $TestDrive 'bad'
        Set-Content $bad "apiVersion: v1`nclusters:`n- name: x`n  cluster: [unclosed`ncontexts: []"
        $env:KUBECONFIG = $bad
        $err = $null
        try { Get-KubeContext -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'KubeConfigInvalid,*'
        $err.Exception.Message | Should -BeLike "*$bad*line 5*column*"
        $err.Exception.Line | Should -Be 5
    }

    It 'a structurally wrong kubeconfig names the line' {
        $bad = Join-Path $TestDrive 'bad2'
        Set-Content $bad "apiVersion: v1`ncontexts:`n- context:`n    cluster: x"
        $env:KUBECONFIG = $bad
        { Get-KubeContext -ErrorAction Stop } | Should -Throw -ExpectedMessage '*line 3*has no name*'
    }

    It 'an unknown -Context is KubeContextNotFound' {
        $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'ok') -Current a -Contexts @(@{ Name = 'a'; Cluster = 'c'; User = 'u' })
        { Get-KubeVersion -Context nope -ErrorAction Stop } | Should -Throw -ErrorId 'KubeContextNotFound,*' -ExpectedMessage '*"nope"*'
    }

    It 'a context whose cluster is missing is KubeConfigInvalid' {
        $file = Join-Path $TestDrive 'dangling'
        Set-Content $file "apiVersion: v1`nkind: Config`ncontexts:`n- name: d`n  context:`n    cluster: gone`n    user: u`ncurrent-context: d"
        $env:KUBECONFIG = $file
        { Get-KubeVersion -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigInvalid,*' -ExpectedMessage '*cluster "gone"*'
    }

    It 'a refused connection fails fast and names the address' {
        $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'refused') -Current a -Server 'https://127.0.0.1:1' -Contexts @(@{ Name = 'a'; Cluster = 'c'; User = 'u' })
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = $null
        try { Get-KubeVersion -ErrorAction Stop } catch { $err = $_ }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
        $err.FullyQualifiedErrorId | Should -BeLike 'KubeConnectionFailed,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -BeLike '*https://127.0.0.1:1*'
    }

    It 'a server that accepts but never answers fails within seconds and names the address' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'silent') -Current a -Server "https://127.0.0.1:$port" -Contexts @(@{ Name = 'a'; Cluster = 'c'; User = 'u' })
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = $null
            try { Get-KubeVersion -ErrorAction Stop } catch { $err = $_ }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
            $err.CategoryInfo.Category | Should -BeIn 'ConnectionError', 'OperationTimeout'
            $err.Exception.Message | Should -BeLike "*127.0.0.1:$port*"
        }
        finally { $listener.Stop() }
    }

    It 'shows each request with -Verbose' {
        $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'verbose') -Current a -Server 'https://127.0.0.1:1' -Contexts @(@{ Name = 'a'; Cluster = 'c'; User = 'u' })
        $verbose = & { try { Get-KubeVersion -Verbose 4>&1 } catch { } } | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'GET https://127\.0\.0\.1:1/version'
        ($verbose.Message -join "`n") | Should -Not -Match 'token-of-u'
    }
}
