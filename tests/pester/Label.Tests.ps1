BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'label-tests'
    New-FixtureObjects -Namespace $ns
}

AfterAll { Stop-TestSandbox }

Describe 'Set-KubeLabel' {
    It 'adds labels to piped objects, as kubectl sees them' {
        Get-KubePod -Namespace $ns -Selector app=web | Set-KubeLabel -Label @{ tier = 'frontend' } | Should -Be @('pod/web-a labeled', 'pod/web-b labeled')
        (Invoke-Kubectl get pods -n $ns -l tier=frontend -o name) | Should -Be @('pod/web-a', 'pod/web-b')
    }

    It 'refuses to change an existing value without -Overwrite, and changes it with it' {
        Set-KubeLabel pod web-a -Namespace $ns -Label @{ tier = 'backend' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Be "'tier' already has a value (frontend), and -Overwrite is false"
        (Invoke-Kubectl get pod web-a -n $ns -o jsonpath='{.metadata.labels.tier}') | Should -Be 'frontend'
        Set-KubeLabel pod web-a -Namespace $ns -Label @{ tier = 'backend' } -Overwrite | Should -Be 'pod/web-a labeled'
        (Invoke-Kubectl get pod web-a -n $ns -o jsonpath='{.metadata.labels.tier}') | Should -Be 'backend'
    }

    It 'removes a label with $null and labels by selector' {
        # "unlabeled", as kubectl says for a removal (issue 20, line 14).
        Set-KubeLabel pod -Namespace $ns -Selector tier -Label @{ tier = $null } | Should -Be @('pod/web-a unlabeled', 'pod/web-b unlabeled')
        (Invoke-Kubectl get pods -n $ns -l tier -o name) | Should -BeNullOrEmpty
        Invoke-Kubectl label pod web-a -n $ns gone=yes | Out-Null
        Invoke-Kubectl label pod web-a -n $ns gone- | Should -Be 'pod/web-a unlabeled'
        Invoke-Kubectl label pod web-a -n $ns gone=again | Out-Null
        Set-KubeLabel pod web-a -Namespace $ns -Label @{ gone = $null } | Should -Be 'pod/web-a unlabeled'
    }

    It 'changes nothing with -WhatIf' {
        $before = Invoke-Kubectl get pod lonely -n $ns -o jsonpath='{.metadata.resourceVersion}'
        Set-KubeLabel pod lonely -Namespace $ns -Label @{ x = 'y' } -WhatIf
        Invoke-Kubectl get pod lonely -n $ns -o jsonpath='{.metadata.resourceVersion}' | Should -Be $before
    }
}
