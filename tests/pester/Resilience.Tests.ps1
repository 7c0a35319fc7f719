# The client session's shared plumbing against a real server that misbehaves on demand (the
# sandbox's fault endpoint): retries of reads (429, 503, other 5xx with Retry-After, broken
# connections) and of writes the server cannot have applied (429), honouring Retry-After; watches that resume after a dropped connection and re-list on 410;
# -Verbose request lines with secrets redacted.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'resilience'
    $script:token = (Get-Content (Join-Path $sandbox.DataDir 'sandbox.json') -Raw | ConvertFrom-Json).adminToken
    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: one, namespace: $ns}`ndata: {k: v}" | Out-Null

    function script:Add-Fault([hashtable] $Rule) {
        Invoke-RestMethod -Method Post -Uri "$($sandbox.Url)/practicek8s/faults" -Body ($Rule | ConvertTo-Json) -ContentType 'application/json' `
            -Headers @{ Authorization = "Bearer $token" } -SkipCertificateCheck
    }
    function script:Clear-Fault {
        $null = Invoke-RestMethod -Method Delete -Uri "$($sandbox.Url)/practicek8s/faults" -Headers @{ Authorization = "Bearer $token" } -SkipCertificateCheck
    }
    function script:Get-Verbose([scriptblock] $Script) {
        & { & $Script } 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Retries' {
    AfterEach { Clear-Fault }

    It 'retries a read on 503, honouring Retry-After, and says so with -Verbose' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('GET'); kind = 'status'; status = 503; retryAfterSeconds = 1; count = 2 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $verbose = Get-Verbose { Get-KubeConfigMap one -Namespace $ns -Verbose | Out-Null }
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.8 -Because 'each retry waits the second the server asked for'
        ($verbose | Where-Object { $_ -match '503 .*retry 1 of' }) | Should -Not -BeNullOrEmpty
        ($verbose | Where-Object { $_ -match "GET https://127\.0\.0\.1:\d+/api/v1/namespaces/$ns/configmaps/one 200 OK in \d+ ms" }) | Should -Not -BeNullOrEmpty
    }

    It 'retries a read on 429' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('GET'); kind = 'status'; status = 429; count = 1 }
        (Get-KubeConfigMap one -Namespace $ns).Name | Should -Be 'one'
    }

    It 'retries a read whose connection was reset' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('GET'); kind = 'reset'; count = 1 }
        (Get-KubeConfigMap one -Namespace $ns).Name | Should -Be 'one'
    }

    It 'retries a read on a 5xx that carries Retry-After, as client-go does' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('GET'); kind = 'status'; status = 500; retryAfterSeconds = 1; count = 1 }
        $verbose = Get-Verbose { (Get-KubeConfigMap one -Namespace $ns -Verbose).Name | Should -Be 'one' }
        ($verbose | Where-Object { $_ -match '500 .*retry 1 of' }) | Should -Not -BeNullOrEmpty
    }

    It 'does not retry a write on a 5xx even with Retry-After (the server may have applied it)' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('POST'); kind = 'status'; status = 500; retryAfterSeconds = 1; count = 2 }
        Publish-KubeResource -Yaml "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: not-retried, namespace: $ns}" -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeServerError,*'
        $faults = Invoke-RestMethod -Uri "$($sandbox.Url)/practicek8s/faults" -Headers @{ Authorization = "Bearer $token" } -SkipCertificateCheck
        @($faults.rules)[0].hits | Should -Be 1
    }

    It 'retries a write on 429 (the server did not apply it)' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('POST'); kind = 'status'; status = 429; count = 1 }
        Publish-KubeResource -Yaml "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: posted, namespace: $ns}" | Out-Null
        (Invoke-Kubectl get configmap posted -n $ns -o name) | Should -Be 'configmap/posted'
    }

    It 'does not retry a write on 503 (the server may have applied it) and reports the server error' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('POST'); kind = 'status'; status = 503; count = 2 }
        $result = Publish-KubeResource -Yaml "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: refused, namespace: $ns}" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeServerError,*'
        (Invoke-KubectlRaw get configmap refused -n $ns).ExitCode | Should -Not -Be 0
        $faults = Invoke-RestMethod -Uri "$($sandbox.Url)/practicek8s/faults" -Headers @{ Authorization = "Bearer $token" } -SkipCertificateCheck
        @($faults.rules)[0].hits | Should -Be 1 -Because 'the write was sent once'
    }

    It 'does not retry a read on 500 without Retry-After and names the server''s message' {
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; methods = @('GET'); kind = 'status'; status = 500; count = 2 }
        Get-KubeConfigMap one -Namespace $ns -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $faults = Invoke-RestMethod -Uri "$($sandbox.Url)/practicek8s/faults" -Headers @{ Authorization = "Bearer $token" } -SkipCertificateCheck
        @($faults.rules)[0].hits | Should -Be 1
    }
}

Describe 'Watches' {
    AfterEach { Clear-Fault }

    BeforeAll {
        function script:Watch-Until([scriptblock] $Change, [scriptblock] $Seen, [int] $Seconds = 20) {
            # Runs Get-KubeConfigMap -Watch in another runspace, makes the change, and waits for the object it expects.
            $ps = [powershell]::Create()
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $null = $ps.AddScript("Import-Module '$ModulePath'; Get-KubeConfigMap -Namespace $ns -Context practicek8s -Watch -Verbose")
            $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
                while ($output.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
                & $Change
                $found = $false
                while (-not $found -and [DateTime]::UtcNow -lt $deadline) {
                    for ($i = 0; $i -lt $output.Count; $i++) { if (& $Seen $output[$i]) { $found = $true } }
                    Start-Sleep -Milliseconds 100
                }
                [pscustomobject]@{ Found = $found; Verbose = @($ps.Streams.Verbose.ReadAll().Message) }
            }
            finally { $ps.Stop(); $ps.Dispose() }
        }
    }

    It 'resumes from the last resourceVersion when the server drops the watch' {
        # The watch the cmdlet opens is ended by the server after half a second; the client must resume it.
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; watchOnly = $true; kind = 'dropWatch'; delayMs = 500; count = 1 }
        $result = Watch-Until -Change {
            Start-Sleep -Milliseconds 1500
            Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: after-drop, namespace: $ns}" | Out-Null
        } -Seen { param($o) $o.Name -eq 'after-drop' -and $o.WatchEvent -eq 'ADDED' }
        $result.Found | Should -BeTrue
        ($result.Verbose | Where-Object { $_ -match 'watch of configmaps ended; resuming from \d+' }) | Should -Not -BeNullOrEmpty
    }

    It 'lists again when the server says the version is gone (410)' {
        # The first watch is dropped; its resume is answered 410 Gone; the client re-lists and goes on.
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; watchOnly = $true; kind = 'dropWatch'; delayMs = 300; count = 1 }
        $null = Add-Fault @{ pathPrefix = "/api/v1/namespaces/$ns/configmaps"; watchOnly = $true; kind = 'status'; status = 410; count = 1 }
        $result = Watch-Until -Change {
            Start-Sleep -Milliseconds 1500
            Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: after-gone, namespace: $ns}" | Out-Null
        } -Seen { param($o) $o.Name -eq 'after-gone' }
        $result.Found | Should -BeTrue
        ($result.Verbose | Where-Object { $_ -match 'too old; listing again' }) | Should -Not -BeNullOrEmpty
    }
}

Describe 'Request log' {
    It 'shows headers with -Debug, the token redacted' {
        $debug = & { $DebugPreference = 'Continue'; Get-KubeConfigMap one -Namespace $ns } 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        ($debug -join "`n") | Should -Match 'Authorization: Bearer <redacted>'
        ($debug -join "`n") | Should -Not -Match ([regex]::Escape($token))
    }
}
