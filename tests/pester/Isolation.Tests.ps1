# The module's KubernetesClient and YamlDotNet live in a private load context, so another version
# loaded by some other module, before or after ours, changes nothing for us.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $script:otherYaml = $env:PRACTICEK8S_TEST_YAMLDOTNET
    $script:otherClient = $env:PRACTICEK8S_TEST_KUBERNETESCLIENT
    $script:config = New-TestKubeconfig -Path (Join-Path $TestDrive 'config') -Current ctx-a -Server 'https://127.0.0.1:1' -Contexts @(
        @{ Name = 'ctx-a'; Cluster = 'cluster-a'; User = 'user-a' })
}

Describe 'Dependency isolation' -Tag Isolation {
    It 'a different YamlDotNet version is available for the test' {
        $otherYaml | Should -Exist
        [Reflection.AssemblyName]::GetAssemblyName($otherYaml).Version.Major | Should -Not -Be 18
    }

    It 'works when <Case>' -ForEach @(
        @{ Case = 'another YamlDotNet is loaded first'; First = $true }
        @{ Case = 'another YamlDotNet is loaded afterwards'; First = $false }
    ) {
        $script = @"
`$ErrorActionPreference = 'Stop'
if (`$$First) { Add-Type -Path '$otherYaml' }
Import-Module '$ModulePath'
`$yaml = "apiVersion: v1``nkind: ConfigMap``nmetadata: {name: x}"
'contexts=' + ((Get-KubeContext).Name -join ',')
'yaml=' + (`$yaml | ConvertFrom-KubeYaml).Metadata.Name
if (-not `$$First) {
    Add-Type -Path '$otherYaml'
    'contexts-after=' + ((Get-KubeContext).Name -join ',')
    'yaml-after=' + (`$yaml | ConvertFrom-KubeYaml | ConvertTo-KubeYaml | ConvertFrom-KubeYaml).Metadata.Name
}
# Building a client loads KubernetesClient; the server is not there, which is fine here.
try { Get-KubeVersion -ErrorAction Stop } catch { 'version-error=' + `$_.FullyQualifiedErrorId }
foreach (`$a in [AppDomain]::CurrentDomain.GetAssemblies()) {
    `$n = `$a.GetName()
    if (`$n.Name -in 'YamlDotNet', 'KubernetesClient') {
        'assembly={0}|{1}|{2}' -f `$n.Name, `$n.Version.Major, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$a).Name
    }
}
"@
        $report = Invoke-ChildPwsh $script -Environment @{ KUBECONFIG = $config }
        $report | Should -Contain 'contexts=ctx-a'
        $report | Should -Contain 'yaml=x'
        if (-not $First) {
            $report | Should -Contain 'contexts-after=ctx-a'
            $report | Should -Contain 'yaml-after=x'
        }
        $report | Should -Contain 'version-error=KubeConnectionFailed,PracticeK8s.Cmdlets.Cluster.GetKubeVersionCommand'
        $report | Should -Contain 'assembly=YamlDotNet|18|PracticeK8s'
        $report | Should -Contain 'assembly=KubernetesClient|21|PracticeK8s'
        $report | Where-Object { $_ -like 'assembly=KubernetesClient*' -and $_ -notlike '*|PracticeK8s' } | Should -BeNullOrEmpty
        $report | Where-Object { $_ -like 'assembly=YamlDotNet|*|Default' } | Should -HaveCount 1 -Because 'the other version stays in the default context'
    }

    It 'works with another KubernetesClient (another module''s, path-loaded) in the session first' {
        $otherClient | Should -Exist
        [Reflection.AssemblyName]::GetAssemblyName($otherClient).Version.Major | Should -Not -Be 21
        $root = Join-Path $TestDrive 'foreign-client'
        $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$otherClient'
'foreign=' + [k8s.Models.V1Pod].Assembly.GetName().Version.Major
Import-Module '$ModulePath'
`$null = Start-KubeSandbox -Temporary -InformationAction Ignore -WarningAction SilentlyContinue
try {
    `$pods = @(Get-KubePod -Namespace kube-system)
    'pods=' + `$pods.Count
    'table=' + ((`$pods | Format-Table | Out-String) -split "``n" | Where-Object { `$_ -match '^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE' }).Count
    `$json = `$pods[0] | ConvertTo-Json | ConvertFrom-Json
    'json=' + `$json.kind + '/' + `$json.metadata.name + '|' + (`$json.metadata.name -eq `$pods[0].Name)
    'base=' + `$pods[0].GetType().BaseType.Assembly.GetName().Version.Major
}
finally { Stop-KubeSandbox }
"@
        $report = Invoke-ChildPwsh $script -Environment @{ KUBECONFIG = (Join-Path $root 'kubeconfig'); PRACTICEK8S_HOME = (Join-Path $root 'home') }
        $report | Should -Contain "foreign=$([Reflection.AssemblyName]::GetAssemblyName($otherClient).Version.Major)"
        ($report | Where-Object { $_ -like 'pods=*' }) -replace 'pods=' | Should -BeGreaterThan 0 -Because ($report -join "`n")
        $report | Should -Contain 'table=1'
        $report | Where-Object { $_ -like 'json=Pod/*|True' } | Should -HaveCount 1
        $report | Should -Contain 'base=21' -Because 'the emitted objects derive from the module''s own KubernetesClient models'
    }
}
