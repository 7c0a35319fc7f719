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

Describe 'Help shows what PowerShell''s own help shows' {
    BeforeDiscovery {
        . "$PSScriptRoot/TestHelpers.ps1"
        Import-Module $ModulePath -Force
        $script:shouldProcess = Get-Command -Module PracticeK8s -CommandType Cmdlet |
            Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object { @{ Name = $_.Name } }
    }

    It '<Name> lists -WhatIf and -Confirm in every syntax line and among the parameters' -ForEach $shouldProcess {
        $help = Get-Help $Name -Full
        foreach ($item in @($help.Syntax.SyntaxItem)) {
            @($item.Parameter.Name)[-2..-1] | Should -Be @('WhatIf', 'Confirm') -Because 'PowerShell''s own help ends each syntax line with [-WhatIf] [-Confirm]'
        }
        foreach ($parameter in 'WhatIf', 'Confirm') {
            $entry = $help.Parameters.Parameter | Where-Object Name -eq $parameter
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
        ($help | Out-String -Width 1000) | Should -Match '\[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]'
    }

    It 'shows the underlying type of a nullable parameter (Int32), never Nullable`1' {
        $nullable = foreach ($command in Get-Command -Module PracticeK8s -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                $underlying = [Nullable]::GetUnderlyingType($parameter.ParameterType)
                if ($underlying) { [pscustomobject]@{ Command = $command.Name; Parameter = $parameter.Name; Type = $underlying.Name } }
            }
        }
        @($nullable).Count | Should -BeGreaterThan 0 -Because 'the module has nullable parameters (Set-KubeDeploymentScale -CurrentReplicas)'
        foreach ($case in $nullable) {
            $entry = (Get-Help $case.Command -Full).Parameters.Parameter | Where-Object Name -eq $case.Parameter
            $entry.parameterValue | Should -Be $case.Type -Because "-$($case.Parameter) of $($case.Command) is a $($case.Type) to the reader"
        }
        foreach ($command in Get-Command -Module PracticeK8s -CommandType Cmdlet) {
            (Get-Help $command.Name -Full | Out-String -Width 1000) | Should -Not -Match 'Nullable' -Because "$($command.Name)'s help names types as PowerShell's does"
        }
    }

    It 'every example''s code agrees with its title and names only parameters its cmdlets have' {
        # A title that promises something must show it: a script filter is a Where-Object, "from the
        # pipeline" pipes into the cmdlet, and so on. The code's parameters must bind.
        $promises = @(
            @{ Title = 'script filter'; Code = 'Where-Object|\|\s*\?\s' }
            @{ Title = 'from the pipeline|what the pipeline gives'; Code = '\|\s*(\$\w+\s*\|\s*)?{0}\b' }
            @{ Title = 'every namespace|all namespaces'; Code = '-AllNamespaces\b' }
            @{ Title = 'by label'; Code = '-Selector\b' }
            @{ Title = 'by name'; Code = '^{0}\s+[\w''"]' }
            @{ Title = 'wildcard'; Code = '\*' }
            @{ Title = '\bwide\b'; Code = 'Wide' }
            @{ Title = 'what would'; Code = '-WhatIf|-DryRun' }
        )
        $exported = @((Get-Module PracticeK8s).ExportedCmdlets.Keys)
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $problems = foreach ($name in $exported) {
            $i = 0
            foreach ($example in @((Get-Help $name -Full).Examples.Example)) {
                $i++
                $title = $example.Title -replace '^-+ Example \d+: ', '' -replace ' -+$', ''
                $code = ($example.Code | Out-String).Trim()
                foreach ($promise in $promises) {
                    $wanted = $promise.Code -f [regex]::Escape($name)
                    if ($title -match $promise.Title -and $code -notmatch $wanted) { "$name example ${i} '$title' does not show it: $code" }
                }
                foreach ($named in [regex]::Matches($title, '(?<=^|\s)-([A-Z]\w+)')) {
                    if ($code -notmatch "-$($named.Groups[1].Value)\b") { "$name example ${i} '$title' names -$($named.Groups[1].Value), its code does not" }
                }
                $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $null, [ref] $null)
                foreach ($call in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                    $callee = $call.GetCommandName()
                    if ($callee -notin $exported) { continue }
                    $parameters = (Get-Command $callee).Parameters.Values
                    $afterDashes = $false
                    foreach ($element in $call.CommandElements) {
                        if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                        if ($element.Extent.Text -eq '--') { $afterDashes = $true }
                        if ($afterDashes) { continue }
                        $typed = $element.ParameterName
                        $binds = @($parameters | Where-Object { $_.Name -like "$typed*" -or ($_.Aliases | Where-Object { $_ -eq $typed }) })
                        if ($binds.Count -eq 0 -and $typed -notin $common) { "$name example ${i}: $callee has no parameter -$typed" }
                    }
                }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'has an about_PracticeK8s topic that Get-Help finds, naming only cmdlets the module has' {
        $topic = Join-Path (Split-Path $ModulePath) 'en-US/about_PracticeK8s.help.txt'
        Test-Path $topic | Should -BeTrue -Because 'the build ships the topic with the module'
        $text = Get-Help about_PracticeK8s | Out-String
        $text | Should -Match 'about_PracticeK8s'
        foreach ($section in 'THE COURSE AS A TOUR', 'SANDBOX INSTANCES', 'PIPELINES', 'SAFETY', 'SEE ALSO') {
            $text | Should -Match $section
        }
        foreach ($word in '-WhatIf', '-Confirm', '-Force', 'default to\s+No') { $text | Should -Match $word }
        $named = [regex]::Matches($text, '\b[A-Z][a-z]+-Kube[A-Za-z]+\b').Value | Sort-Object -Unique
        @($named).Count | Should -BeGreaterThan 20
        $exported = @((Get-Module PracticeK8s).ExportedCmdlets.Keys)
        $named | Where-Object { $_ -notin $exported } | Should -BeNullOrEmpty -Because 'the topic names only cmdlets that exist'
        # Each parameter the topic shows after a cmdlet exists on it.
        $problems = foreach ($use in [regex]::Matches($text, '(?<!Get-Help )\b([A-Z][a-z]+-Kube[A-Za-z]+)((?:[ \t]+[^\s#|;]+)*)')) {
            $command = Get-Command $use.Groups[1].Value
            foreach ($parameter in [regex]::Matches($use.Groups[2].Value, '(?<=\s)-([A-Za-z]+)\b')) {
                if ($parameter.Value -eq '--') { continue }
                $typed = $parameter.Groups[1].Value
                if (-not ($command.Parameters.Values | Where-Object { $_.Name -eq $typed })) { "$($command.Name) -$typed" }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'Get-KubeVersion and the User-Agent carry the manifest''s version' {
        $version = (Import-PowerShellDataFile $ModulePath).ModuleVersion
        [PracticeK8s.Loading.ModuleInitializer].Assembly.GetName().Version.ToString(3) | Should -Be $version
        # A server of our own that answers /version and records the User-Agent it was sent.
        $listener = [System.Net.HttpListener]::new()
        $port = Get-Random -Minimum 20000 -Maximum 60000
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $server = Start-ThreadJob -ArgumentList $listener {
            param($listener)
            $context = $listener.GetContext()
            $body = [Text.Encoding]::UTF8.GetBytes('{"major":"1","minor":"32","gitVersion":"v1.32.0","platform":"linux/amd64"}')
            $context.Response.ContentType = 'application/json'
            $context.Response.OutputStream.Write($body, 0, $body.Length)
            $context.Response.Close()
            $context.Request.UserAgent
        }
        try {
            $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'version-config') -Contexts @(@{ Name = 'v'; Cluster = 'c'; User = 'u'; Server = "http://127.0.0.1:$port" }) -Current v
            $result = Get-KubeVersion -Context v -RequestTimeout 10 -ErrorAction Stop -WarningAction SilentlyContinue 3>$null
            $agent = $server | Wait-Job -Timeout 15 | Receive-Job
        }
        finally {
            Remove-Item Env:KUBECONFIG
            $listener.Stop()
            $server | Remove-Job -Force
        }
        $result.ClientVersion | Should -Be $version
        $result.ServerVersion | Should -Be 'v1.32.0'
        $agent | Should -BeLike "PracticeK8s/$version*"
    }
}
