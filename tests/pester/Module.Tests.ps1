BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:manifest = Import-PowerShellDataFile $ModulePath
    $script:exported = @((Get-Module PracticeK8s).ExportedCmdlets.Keys)
}

Describe 'PracticeK8s module manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop
        $info.Name | Should -Be 'PracticeK8s'
        $info.PowerShellVersion | Should -Be ([version]'7.4')
        $info.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'has every field the gallery needs' {
        foreach ($key in 'RootModule', 'ModuleVersion', 'GUID', 'Author', 'Description', 'CmdletsToExport', 'FormatsToProcess', 'AliasesToExport') {
            $manifest.ContainsKey($key) | Should -BeTrue -Because "$key is required"
        }
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
        $manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'lists cmdlets explicitly, without wildcards' {
        $manifest.CmdletsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        $manifest.RequiredAssemblies | Should -BeNullOrEmpty
    }

    It 'exports exactly the cmdlets the manifest lists and the assembly defines' {
        $assembly = [PracticeK8s.Loading.ModuleInitializer].Assembly
        $classes = $assembly.GetExportedTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
        ($exported | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        ($classes | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'uses approved verbs and singular Kube nouns' {
        $approved = (Get-Verb).Verb
        foreach ($name in $exported) {
            $verb, $noun = $name -split '-', 2
            $approved | Should -Contain $verb
            $noun | Should -Match '^Kube[A-Z]'
            $noun | Should -Not -Match '(?<!Statu|Endpoint|s)s$' -Because "$noun should be singular"
        }
    }

    It 'keeps KubernetesClient and YamlDotNet out of the default load context' {
        $config = New-TestKubeconfig -Path (Join-Path $TestDrive 'alc') -Contexts @(@{ Name = 'a'; Cluster = 'c'; User = 'u' }) -Current a
        $report = Invoke-ChildPwsh @"
Import-Module '$ModulePath'
`$null = Get-KubeContext -ErrorAction SilentlyContinue
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'YamlDotNet', 'KubernetesClient', 'PracticeK8s.Engine' } |
    ForEach-Object { '{0}={1}' -f `$_.GetName().Name, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@ -Environment @{ KUBECONFIG = $config }
        $report | Should -Contain 'PracticeK8s.Engine=PracticeK8s'
        $report | Should -Contain 'YamlDotNet=PracticeK8s'
        $report | Where-Object { $_ -match '=Default$' } | Should -BeNullOrEmpty
    }

    It 'loads the type and format data the build generated into formats/, and the checked-in copy is current' {
        # build/New-TypeAndFormatData.ps1 writes formats/ in the repository on every build; the module gets a copy.
        $repo = Join-Path $PSScriptRoot '../..'
        foreach ($name in 'PracticeK8s.Types.ps1xml', 'Resources.Format.ps1xml') {
            $inModule = Join-Path (Split-Path $ModulePath) "formats/$name"
            (Get-FileHash $inModule).Hash | Should -Be (Get-FileHash (Join-Path $repo "formats/$name")).Hash -Because "the module's $name is the repository's"
        }
        $manifest.TypesToProcess | Should -Be @('formats/PracticeK8s.Types.ps1xml')
        $manifest.FormatsToProcess | Should -Contain 'formats/Resources.Format.ps1xml'
        (Get-FormatData -TypeName k8s.Models.V1Pod).FormatViewDefinition.Name | Should -Contain 'Wide'
        if (-not (Get-Command git -ErrorAction SilentlyContinue) -or -not (Test-Path (Join-Path $repo '.git'))) {
            Set-ItResult -Skipped -Because 'the checked-in copy can only be compared in a git checkout'
            return
        }
        $stale = & git -C $repo status --porcelain -- formats/
        $stale | Should -BeNullOrEmpty -Because 'a build rewrote formats/ (a printer or property plan changed): commit the regenerated files'
    }

    It 'can be removed and imported again in one session' {
        Remove-Module PracticeK8s
        Import-Module $ModulePath -Force
        (Get-Module PracticeK8s).ExportedCmdlets.Count | Should -Be $manifest.CmdletsToExport.Count
        $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'reimport') -Contexts @(@{ Name = 'a'; Cluster = 'c'; User = 'u' }) -Current a
        try { (Get-KubeContext).Name | Should -Be 'a' } finally { Remove-Item Env:KUBECONFIG }
    }
}

Describe 'Help' {
    BeforeDiscovery {
        . "$PSScriptRoot/TestHelpers.ps1"
        $names = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
        $script:cmdlets = $names | ForEach-Object { @{ Name = $_ } }
    }

    It '<Name> has a synopsis, a description for every parameter and an example' -ForEach $cmdlets {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name \[" -Because 'the synopsis is authored, not the syntax line'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $entry = $help.Parameters.Parameter | Where-Object Name -eq $parameter
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'is well-formed XML' {
        $file = Join-Path (Split-Path $ModulePath) 'en-US/PracticeK8s.dll-Help.xml'
        { [xml](Get-Content $file -Raw) } | Should -Not -Throw
    }
}
