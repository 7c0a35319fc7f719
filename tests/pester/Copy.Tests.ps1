# Copy-KubeItem both ways through tar over exec, with stock kubectl cp as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force

    # A container whose tar is hostile: "tar cf - X.crafted" answers with the archive X.crafted
    # itself (entries made here, with ../ and links), like a compromised image would. Every other
    # tar call runs the real tar. The sandbox finds programs on its PATH, inherited from here: so
    # these tests run pods as host processes (-Isolation None), where that PATH is the container's.
    # Copy-KubeItem into isolated containers is covered by the walkthrough and the isolation tests.
    $script:fakeBin = Join-Path $TestDrive 'fakebin'
    $null = New-Item -ItemType Directory -Path $fakeBin
    $realTar = (Get-Command tar -CommandType Application)[0].Source
    Set-Content -Path (Join-Path $fakeBin 'tar') -Value @"
#!/bin/sh
if [ "`$1" = cf ] && [ "`$2" = - ]; then
  for last; do :; done
  case "`$last" in
    *.crafted) if [ "`$3" = -C ]; then exec cat "`$4/`$last"; else exec cat "`$last"; fi ;;
  esac
fi
exec $realTar "`$@"
"@
    chmod +x (Join-Path $fakeBin 'tar')
    $script:savedPath = $env:PATH
    $env:PATH = "$fakeBin$([IO.Path]::PathSeparator)$env:PATH"

    $script:sandbox = Start-TestSandbox -Isolation None
    $script:node = Get-TestNode
    $script:ns = New-TestNamespace 'copy-tests'
    New-TestPod -Namespace $ns -Name box -Node $node -Script 'echo ready; sleep 3600'
    $null = Wait-PodLog -Namespace $ns -Name box -Match 'ready'

    function New-SourceTree([string] $Root) {
        $null = New-Item -ItemType Directory -Path (Join-Path $Root 'nested/deeper'), (Join-Path $Root 'empty') -Force
        Set-Content -Path (Join-Path $Root 'hello.txt') -Value 'hello from the copy test' -NoNewline
        $bytes = [byte[]]::new(300000); [Random]::new(42).NextBytes($bytes)
        [IO.File]::WriteAllBytes((Join-Path $Root 'nested/blob.bin'), $bytes)
        Set-Content -Path (Join-Path $Root 'nested/deeper/run.sh') -Value "#!/bin/sh`necho run" -NoNewline
        chmod 750 (Join-Path $Root 'nested/deeper/run.sh')
    }

    function Get-TreeHashes([string] $Root) {
        # Relative path -> SHA256 of every file; directories as "<dir>".
        $result = [ordered]@{}
        foreach ($item in Get-ChildItem -Path $Root -Recurse -Force | Sort-Object FullName) {
            $relative = [IO.Path]::GetRelativePath($Root, $item.FullName).Replace('\', '/')
            $result[$relative] = if ($item.PSIsContainer) { '<dir>' } else { (Get-FileHash $item.FullName -Algorithm SHA256).Hash }
        }
        $result
    }

    function Assert-SameTree([string] $Expected, [string] $Actual) {
        $want = Get-TreeHashes $Expected
        $got = Get-TreeHashes $Actual
        ($got.Keys -join ',') | Should -Be ($want.Keys -join ',')
        foreach ($key in $want.Keys) { $got[$key] | Should -Be $want[$key] -Because $key }
    }

    $script:source = Join-Path $TestDrive 'source'
    New-SourceTree $source
}

AfterAll {
    Stop-TestSandbox
    $env:PATH = $savedPath
}

Describe 'Copy-KubeItem' {
    It 'copies a directory into a pod and back, byte for byte' {
        Copy-KubeItem $source "${ns}/box:/tmp/up"
        $listing = Invoke-KubeExec box -Namespace $ns -Command find, /tmp/up | ForEach-Object { $_ -replace '^.*/tmp/up', '.' } | Sort-Object
        $listing | Should -Be @('.', './empty', './hello.txt', './nested', './nested/blob.bin', './nested/deeper', './nested/deeper/run.sh')
        Invoke-KubeExec box -Namespace $ns -Command cat, /tmp/up/hello.txt | Should -Be 'hello from the copy test'

        $back = Join-Path $TestDrive 'back'
        Copy-KubeItem "box:/tmp/up" $back -Namespace $ns
        Assert-SameTree $source $back
    }

    It 'carries file modes both ways unless -NoPreserve' {
        Invoke-KubeExec box -Namespace $ns -Command stat, -c, '%a', /tmp/up/nested/deeper/run.sh | Should -Be '750'
        $back = Join-Path $TestDrive 'modes'
        Copy-KubeItem "box:/tmp/up" $back -Namespace $ns
        (Get-Item (Join-Path $back 'nested/deeper/run.sh')).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite, UserExecute, GroupRead, GroupExecute')
        $plain = Join-Path $TestDrive 'plain'
        Copy-KubeItem "box:/tmp/up" $plain -Namespace $ns -NoPreserve
        (Get-Item (Join-Path $plain 'nested/deeper/run.sh')).UnixFileMode.HasFlag([IO.UnixFileMode]::GroupExecute) | Should -BeFalse
    }

    It 'gives the same files as kubectl cp, both ways' {
        $viaKubectl = Join-Path $TestDrive 'kubectl-out'
        Invoke-Kubectl cp "${ns}/box:/tmp/up" $viaKubectl | Out-Null
        $ours = Join-Path $TestDrive 'ours-out'
        Copy-KubeItem "${ns}/box:/tmp/up" $ours
        Assert-SameTree $viaKubectl $ours

        Invoke-Kubectl cp $source "${ns}/box:/tmp/by-kubectl" | Out-Null
        $roundTrip = Join-Path $TestDrive 'by-kubectl'
        Copy-KubeItem "${ns}/box:/tmp/by-kubectl" $roundTrip
        $sums = { param($dir) Invoke-KubeExec box -Namespace $ns -Command sha256sum, "$dir/hello.txt", "$dir/nested/blob.bin", "$dir/nested/deeper/run.sh" | ForEach-Object { ($_ -split ' ')[0] } }
        & $sums /tmp/by-kubectl | Should -Be (& $sums /tmp/up)
        (& $sums /tmp/up) | Should -Be @('hello.txt', 'nested/blob.bin', 'nested/deeper/run.sh' | ForEach-Object { (Get-FileHash (Join-Path $source $_) -Algorithm SHA256).Hash.ToLowerInvariant() })
    }

    It 'copies into an existing directory of the pod, and a single file to a new name' {
        $file = Join-Path $TestDrive 'single.txt'
        Set-Content -Path $file -Value 'one file' -NoNewline
        Copy-KubeItem $file "box:/tmp" -Namespace $ns
        Invoke-KubeExec box -Namespace $ns -Command cat, /tmp/single.txt | Should -Be 'one file'
        Copy-KubeItem $file "box:/tmp/renamed.txt" -Namespace $ns
        Invoke-KubeExec box -Namespace $ns -Command cat, /tmp/renamed.txt | Should -Be 'one file'
        $local = Join-Path $TestDrive 'fetched.txt'
        Copy-KubeItem "box:/tmp/renamed.txt" $local -Namespace $ns
        Get-Content $local -Raw | Should -Be 'one file'
    }

    It 'refuses entries of a crafted archive that escape the destination, naming them, and writes nothing outside' {
        $crafted = Join-Path $TestDrive 'evil.crafted'
        python3 -c @'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT) as t:
    def add(name, data=b"", kind=tarfile.REGTYPE, link=""):
        i = tarfile.TarInfo(name); i.type = kind; i.linkname = link; i.size = len(data); t.addfile(i, io.BytesIO(data))
    p = "tmp/evil.crafted"
    add(p, kind=tarfile.DIRTYPE)
    add(p + "/ok.txt", b"fine\n")
    add(p + "/../../escaped.txt", b"evil\n")
    add(p + "/sub/../../../../escaped2.txt", b"evil\n")
    add(p + "/link", kind=tarfile.SYMTYPE, link="../../../../etc/passwd")
'@ $crafted
        Copy-KubeItem $crafted "box:/tmp/evil.crafted" -Namespace $ns
        $arena = Join-Path $TestDrive 'arena'
        $dest = Join-Path $arena 'inner/dest'
        $null = New-Item -ItemType Directory -Path (Split-Path $dest)
        Copy-KubeItem "box:/tmp/evil.crafted" $dest -Namespace $ns -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        Get-Content (Join-Path $dest 'ok.txt') | Should -Be 'fine'
        @($err | Where-Object FullyQualifiedErrorId -like 'KubeCopyUnsafeEntry*').Count | Should -Be 3
        ($err.Exception.Message -join "`n") | Should -Match 'tmp/evil.crafted/\.\./\.\./escaped\.txt'
        ($err.Exception.Message -join "`n") | Should -Match 'tmp/evil.crafted/link.*etc/passwd'
        @(Get-ChildItem $arena -Recurse -File).FullName | Should -Be @((Join-Path $dest 'ok.txt'))

        # kubectl skips the same entries: nothing outside either.
        $kubectlDest = Join-Path $arena 'inner/kubectl'
        $result = Invoke-KubectlRaw cp "${ns}/box:/tmp/evil.crafted" $kubectlDest
        ($result.Output -join "`n") | Should -Match 'outside target destination'
        @(Get-ChildItem $arena -Recurse -File | Where-Object Name -like 'escaped*') | Should -BeNullOrEmpty
    }

    It 'does not write through a symbolic link already in the destination folder that leads out of it, naming the entry' {
        $site = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'site-source/conf') -Force
        Set-Content (Join-Path $site.Parent.FullName 'index.html') 'page'
        Set-Content (Join-Path $site 'app.conf') 'conf'
        Copy-KubeItem $site.Parent.FullName "${ns}/box:/tmp/site"
        $outside = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'outside-of-dest')

        # The copy's own folder is a link out: dest/site -> outside.
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'link-dest-1')
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $dest 'site') -Target $outside
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Copy-KubeItem "box:/tmp/site" $dest -Namespace $ns -ErrorVariable err -ErrorAction SilentlyContinue
        Write-Host "symlinked destination refused in $($watch.ElapsedMilliseconds) ms"
        @(Get-ChildItem $outside -Recurse -Force) | Should -BeNullOrEmpty
        @($err | Where-Object FullyQualifiedErrorId -like 'KubeCopyUnsafeEntry*').Count | Should -BeGreaterOrEqual 2
        ($err.Exception.Message -join "`n") | Should -Match ('refusing tar entry "tmp/site/index\.html": "' + [regex]::Escape((Join-Path $dest 'site')) + '" is a symbolic link to "' + [regex]::Escape($outside.FullName) + '", outside the destination')

        # A sub-folder is a link out: dest/site/conf -> outside; the rest is copied.
        $dest2 = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'link-dest-2/site') -Force
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $dest2 'conf') -Target $outside
        Copy-KubeItem "box:/tmp/site" (Split-Path $dest2) -Namespace $ns -ErrorVariable err2 -ErrorAction SilentlyContinue
        Get-Content (Join-Path $dest2 'index.html') | Should -Be 'page'
        @(Get-ChildItem $outside -Recurse -Force) | Should -BeNullOrEmpty
        ($err2.Exception.Message -join "`n") | Should -Match 'refusing tar entry "tmp/site/conf/app\.conf": .*symbolic link'
    }

    It 'rejects file specs kubectl rejects' {
        { Copy-KubeItem 'a/b/c:/x' (Join-Path $TestDrive 'x') -ErrorAction Stop } | Should -Throw '*filespec must match the canonical format*'
        { Copy-KubeItem (Join-Path $TestDrive 'a') (Join-Path $TestDrive 'b') -ErrorAction Stop } | Should -Throw '*must be a remote file specification*'
        { Copy-KubeItem (Join-Path $TestDrive 'missing') 'box:/tmp/x' -Namespace $ns -ErrorAction Stop } | Should -Throw "*doesn't exist in local filesystem*"
    }

    It 'copies nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'whatif.txt'
        Set-Content -Path $file -Value 'x'
        Copy-KubeItem $file 'box:/tmp/whatif.txt' -Namespace $ns -WhatIf
        Invoke-KubeExec box -Namespace $ns -Command sh, -c, 'test -e /tmp/whatif.txt && echo yes || echo no' | Should -Be 'no'
    }
}
