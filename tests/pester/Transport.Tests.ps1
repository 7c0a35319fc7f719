# The module's transport against small HTTPS servers started by the test (tests/TestServers): a
# certificate for another address refused with kubectl's reason, tls-server-name honoured, the
# insecure-skip-tls-verify warning given once per session, and servers that never answer or stall
# mid-body answered by a timeout within -RequestTimeout. Deep manifests are refused without
# taking pwsh down. No sandbox: each server lives only for this file.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    if (-not ('PracticeK8s.TestServers.TestTlsServer' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot '../TestServers/TestTlsServer.cs')
    }
    $script:ca = [PracticeK8s.TestServers.TestTlsServer]::CreateAuthority('pester-transport-ca')
    $script:loopbackCert = [PracticeK8s.TestServers.TestTlsServer]::CreateServerCertificate($ca, @('127.0.0.1', '::1'), @('localhost'))
    $script:servers = [System.Collections.Generic.List[object]]::new()
    $script:savedKubeconfig = $env:KUBECONFIG

    function script:Start-TlsServer([string] $Address, $Certificate, [string] $Behaviour) {
        $server = [PracticeK8s.TestServers.TestTlsServer]::new([Net.IPAddress]::Parse($Address), $Certificate, $Behaviour)
        $servers.Add($server)
        $server
    }

    function script:Use-TestKubeconfig([string] $Server, [string] $ServerName, [switch] $Insecure) {
        # Points $env:KUBECONFIG at a fresh file for one server; returns its path (for kubectl).
        $caData = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes([PracticeK8s.TestServers.TestTlsServer]::Pem($ca)))
        $tls = if ($Insecure) { "    insecure-skip-tls-verify: true" } else { "    certificate-authority-data: $caData" }
        if ($ServerName) { $tls += "`n    tls-server-name: $ServerName" }
        $path = Join-Path $TestDrive "kubeconfig-$([guid]::NewGuid().ToString('N'))"
        Set-Content -Path $path -Value @"
apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: $Server
$tls
contexts:
- name: test
  context:
    cluster: test
    user: test
current-context: test
users:
- name: test
  user:
    token: not-a-real-token
"@
        $env:KUBECONFIG = $path
        $path
    }

    function script:Get-ErrorOf([scriptblock] $Script) {
        # The error a command ends with: a transport failure ends the whole command (terminating).
        try { & $Script | Out-Null } catch { return $_ }
        throw 'expected an error'
    }
}

AfterAll {
    foreach ($server in $servers) { $server.Dispose() }
    $env:KUBECONFIG = $savedKubeconfig
}

Describe 'Server certificate names' {
    It 'refuses a certificate for other addresses with the reason kubectl gives, before any request' {
        $server = Start-TlsServer '127.0.0.3' $loopbackCert Answer
        $url = "https://127.0.0.3:$($server.Port)"
        $config = Use-TestKubeconfig $url
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = Get-ErrorOf { Get-KubePod }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $server.Connections | Should -Be 1 -Because 'a refused certificate is not retried'
        $err.FullyQualifiedErrorId | Should -BeLike 'KubeConnectionFailed,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -Be "Unable to connect to the server ${url}: tls: failed to verify certificate: x509: certificate is valid for 127.0.0.1, ::1, not 127.0.0.3"
        $server.Requests | Should -Be 0
        $kubectl = & (Get-KubectlPath) --kubeconfig $config --request-timeout=5s get pods 2>&1 | Out-String
        $LASTEXITCODE | Should -Not -Be 0
        $kubectl | Should -Match ([regex]::Escape('x509: certificate is valid for 127.0.0.1, ::1, not 127.0.0.3'))
    }

    It 'checks tls-server-name instead of the address, and refuses a name the certificate lacks' {
        $named = [PracticeK8s.TestServers.TestTlsServer]::CreateServerCertificate($ca, @(), @('api.cluster.internal'))
        $server = Start-TlsServer '127.0.0.3' $named Answer
        $url = "https://127.0.0.3:$($server.Port)"
        $null = Use-TestKubeconfig $url -ServerName 'api.cluster.internal'
        (Get-KubeVersion -ErrorAction Stop).ServerVersion | Should -Not -BeNullOrEmpty
        $null = Use-TestKubeconfig $url -ServerName 'other.cluster.internal'
        $err = Get-ErrorOf { Get-KubeVersion }
        $err.Exception.Message | Should -BeLike '*x509: certificate is valid for api.cluster.internal, not other.cluster.internal'
    }

    It 'warns once per session when the kubeconfig skips verification' {
        $server = Start-TlsServer '127.0.0.3' $loopbackCert Answer
        $null = Use-TestKubeconfig "https://127.0.0.3:$($server.Port)" -Insecure
        $first = Get-KubeVersion -WarningVariable warned1 3>$null
        $second = Get-KubeVersion -WarningVariable warned2 3>$null
        $first | Should -Not -BeNullOrEmpty
        $second | Should -Not -BeNullOrEmpty
        @($warned1).Count | Should -Be 1
        "$($warned1[0])" | Should -BeLike '*insecure-skip-tls-verify*is not checked*'
        @($warned2).Count | Should -Be 0
    }
}

Describe 'Request timeouts' {
    BeforeAll {
        # One answered request first: the process's first TLS handshake is slow and not what is timed.
        $warm = Start-TlsServer '127.0.0.1' $loopbackCert Answer
        $null = Use-TestKubeconfig "https://127.0.0.1:$($warm.Port)"
        $null = Get-KubeVersion
    }

    It 'answers a server that never responds with a timeout naming the address, within -RequestTimeout (<Behaviour>)' -ForEach @(
        @{ Behaviour = 'NeverAnswer'; Phase = 'timed out awaiting the response headers after 1s' }
        @{ Behaviour = 'StallMidBody'; Phase = 'timed out while reading the response body after 1s' }
    ) {
        $server = Start-TlsServer '127.0.0.1' $loopbackCert $Behaviour
        $url = "https://127.0.0.1:$($server.Port)"
        $null = Use-TestKubeconfig $url
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = Get-ErrorOf { Get-KubePod -RequestTimeout 1s }
        $took = $watch.Elapsed.TotalSeconds
        $took | Should -BeLessThan 3
        $took | Should -BeGreaterOrEqual 0.9
        $err.FullyQualifiedErrorId | Should -BeLike 'KubeTimeout,*'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err.Exception.Message | Should -BeLike "Unable to connect to the server ${url}: GET /api/v1/namespaces/default/pods*$Phase*-RequestTimeout*"
    }

    It 'takes the session default from $PSDefaultParameterValues' {
        $server = Start-TlsServer '127.0.0.1' $loopbackCert NeverAnswer
        $null = Use-TestKubeconfig "https://127.0.0.1:$($server.Port)"
        $PSDefaultParameterValues['*-Kube*:RequestTimeout'] = '500ms'
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = Get-ErrorOf { Get-KubeConfigMap }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2.5
            $err.Exception.Message | Should -BeLike '*after 500ms*'
        }
        finally { $PSDefaultParameterValues.Remove('*-Kube*:RequestTimeout') }
    }

    It 'refuses a malformed -RequestTimeout when binding' {
        { Get-KubePod -RequestTimeout 'soon' -ErrorAction Stop } | Should -Throw '*invalid request timeout "soon"*'
        { Get-KubePod -RequestTimeout '-1s' -ErrorAction Stop } | Should -Throw '*invalid request timeout "-1s"*'
        { Get-KubePod -RequestTimeout -5 -ErrorAction Stop } | Should -Throw '*positive duration*'
    }
}

Describe 'Deep manifests' {
    It 'answers KubeManifestInvalid naming file, line and column, and pwsh lives on (1,000 and 100,000 levels)' {
        $files = foreach ($levels in 1000, 100000) {
            $file = Join-Path $TestDrive "deep-$levels.yaml"
            Set-Content $file ("apiVersion: v1`nkind: ConfigMap`nmetadata: {name: deep}`ndata:`n  x: " + ('[' * $levels) + (']' * $levels))
            $file
        }
        # A child pwsh: a stack overflow there (what 100,000 levels caused) would end the process, not this test run.
        $out = Invoke-ChildPwsh @"
Import-Module '$ModulePath'
foreach (`$file in '$($files -join "','")') {
    `$watch = [Diagnostics.Stopwatch]::StartNew()
    ConvertFrom-KubeYaml -Path `$file -ErrorVariable e1 -ErrorAction SilentlyContinue | Out-Null
    `$t1 = `$watch.Elapsed.TotalMilliseconds
    Publish-KubeResource -Path `$file -DryRun Client -ErrorVariable e2 -ErrorAction SilentlyContinue | Out-Null
    "`$(`$e1[0].FullyQualifiedErrorId)|`$(`$e1[0].Exception.Message)|`$t1"
    "`$(`$e2[0].FullyQualifiedErrorId)|`$(`$e2[0].Exception.Message)|`$(`$watch.Elapsed.TotalMilliseconds - `$t1)"
}
'alive'
"@
        $LASTEXITCODE | Should -Be 0
        $out[-1] | Should -Be 'alive'
        foreach ($i in 0, 1) {
            $file = $files[$i]
            $convert, $publish = $out[(2 * $i)], $out[(2 * $i + 1)]
            Write-Host "refused $file in $(($convert -split '\|')[-1]) ms (ConvertFrom-KubeYaml), $(($publish -split '\|')[-1]) ms (Publish-KubeResource)"
            $convert | Should -BeLike "KubeManifestInvalid,*|error parsing ${file}: document 1, line 5, column 68: the document nests more than 64 levels deep|*"
            $publish | Should -BeLike "KubeManifestInvalid,*|error parsing `"$file`": document 1, line 5, column 68: the document nests more than 64 levels deep|*"
            [double](($convert -split '\|')[-1]) | Should -BeLessThan 2000
        }
    }
}
