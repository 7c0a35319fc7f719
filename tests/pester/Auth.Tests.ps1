# kubectl auth through the module (Test-KubeAccess, Get-KubeAccessRule, Get-KubeIdentity) on a fresh
# sandbox, for its admin and read-only contexts, with stock kubectl auth as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox

    function script:Invoke-UserKubectl {
        # kubectl with the user's kubeconfig, where Start-KubeSandbox wrote the admin and read-only contexts.
        $kubectl = (Get-Command kubectl -ErrorAction Stop).Source
        $output = & $kubectl --kubeconfig $env:KUBECONFIG --cache-dir (Join-Path $TestDrive 'kubectl-cache') @args 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Test-KubeAccess (kubectl auth can-i)' {
    It '<Verb> <Resource> is <Expected> for the <Context> context, as kubectl says' -ForEach @(
        @{ Verb = 'create'; Resource = 'pods'; Context = 'practicek8s'; Expected = $true }
        @{ Verb = 'create'; Resource = 'pods'; Context = 'practicek8s-readonly'; Expected = $false }
        @{ Verb = 'list'; Resource = 'deployments.apps'; Context = 'practicek8s-readonly'; Expected = $true }
        @{ Verb = 'delete'; Resource = 'deploy'; Context = 'practicek8s-readonly'; Expected = $false }
        @{ Verb = 'get'; Resource = '/healthz'; Context = 'practicek8s-readonly'; Expected = $true }
    ) {
        Test-KubeAccess $Verb $Resource -Context $Context | Should -Be $Expected
        $kubectl = Invoke-UserKubectl auth can-i $Verb $Resource --context $Context
        $kubectl.Output | Should -Be $(if ($Expected) { 'yes' } else { 'no' })
        $kubectl.ExitCode | Should -Be $(if ($Expected) { 0 } else { 1 })
    }

    It 'returns the question and the answer with -Detailed, the resource resolved through discovery' {
        $answer = Test-KubeAccess delete deploy/web -Namespace kube-system -Context practicek8s-readonly -Detailed
        $answer.Allowed | Should -BeFalse
        $answer.Question.Verb | Should -Be 'delete'
        $answer.Question.Group | Should -Be 'apps'
        $answer.Question.Resource | Should -Be 'deployments'
        $answer.Question.Name | Should -Be 'web'
        $answer.Question.Namespace | Should -Be 'kube-system'
        "$($answer.Question)" | Should -Be 'deployments.apps web'
    }

    It 'asks an unknown type and verb as typed, with kubectl''s warnings in kubectl''s order' {
        $answer = Test-KubeAccess frob nosuch -WarningVariable warnings -WarningAction SilentlyContinue
        $answer | Should -BeTrue
        @($warnings.Message) | Should -Be @("the server doesn't have a resource type 'nosuch'", "verb 'frob' is not a known verb")
        $kubectl = Invoke-UserKubectl auth can-i frob nosuch
        ($kubectl.Output | Where-Object { $_ -like 'Warning:*' }) -replace '^Warning: ' | Should -Be @($warnings.Message)
    }
}

Describe 'Get-KubeAccessRule (kubectl auth can-i --list)' {
    It 'gives kubectl''s rows for the <Context> context' -ForEach @(
        @{ Context = 'practicek8s' }
        @{ Context = 'practicek8s-readonly' }
    ) {
        $ours = Get-KubeAccessRule -Context $Context | ForEach-Object {
            '{0}|[{1}]|[{2}]|[{3}]' -f $_.Resources, ($_.NonResourceURLs -join ' '), ($_.ResourceNames -join ' '), ($_.Verbs -join ' ')
        }
        $kubectl = ConvertFrom-TableText ((Invoke-UserKubectl auth can-i --list --context $Context).Output -join "`n") | Select-Object -Skip 1 | ForEach-Object { $_ -join '|' }
        @($ours) | Should -Be @($kubectl)
        @($ours).Count | Should -BeGreaterThan 1
    }

    It 'prints kubectl''s table, line for line' {
        $printed = @((Get-KubeAccessRule -Context practicek8s-readonly | Out-String -Width 400) -split "`r?`n" | Where-Object { $_ } | ForEach-Object TrimEnd)
        $printed | Should -Be @((Invoke-UserKubectl auth can-i --list --context practicek8s-readonly).Output | ForEach-Object TrimEnd)
    }
}

Describe 'Get-KubeIdentity (kubectl auth whoami)' {
    It 'names the <Context> context''s user and groups as kubectl does' -ForEach @(
        @{ Context = 'practicek8s' }
        @{ Context = 'practicek8s-readonly' }
    ) {
        $me = Get-KubeIdentity -Context $Context
        $kubectl = (Invoke-UserKubectl auth whoami --context $Context -o json).Output | ConvertFrom-Json
        $me.Username | Should -Be $kubectl.status.userInfo.username
        $me.Username | Should -Not -BeNullOrEmpty
        @($me.Groups) | Should -Be @($kubectl.status.userInfo.groups)
    }
}
