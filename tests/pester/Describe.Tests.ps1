# Show-KubeResource against kubectl describe on the same sandbox objects.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'describe-tests'
    New-FixtureObjects -Namespace $ns

    function Assert-SameDescription([string] $Ours, [string] $Theirs) {
        # Line for line; durations (event ages, "x2 over 5m") may differ by a few seconds, and so may the
        # width of an age column (9s here, 10s a moment later): the gap after an age is compared as one space.
        $ourLines = @($Ours.TrimEnd() -split "`r?`n")
        $theirLines = @($Theirs.TrimEnd() -split "`r?`n")
        $ourLines.Count | Should -Be $theirLines.Count -Because "ours:`n$Ours`nkubectl:`n$Theirs"
        for ($i = 0; $i -lt $theirLines.Count; $i++) {
            $mine = $ourLines[$i] -replace '\b\d+[smhd](\d+[smhd])?\b( +(?=\S))?', '<age> '
            $theirs = $theirLines[$i] -replace '\b\d+[smhd](\d+[smhd])?\b( +(?=\S))?', '<age> '
            $mine | Should -BeExactly $theirs -Because "line $i`nours:`n$Ours`nkubectl:`n$Theirs"
        }
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Show-KubeResource equals kubectl describe' {
    It 'describes <Kind> <Name> line for line' -ForEach @(
        @{ Kind = 'pod'; Name = 'web-a' }
        @{ Kind = 'deployment'; Name = 'web' }
        @{ Kind = 'service'; Name = 'hello' }
        @{ Kind = 'node'; Name = 'n1' }
        @{ Kind = 'replicaset'; Name = 'standalone' }
        @{ Kind = 'daemonset'; Name = 'agent' }
        @{ Kind = 'statefulset'; Name = 'db' }
        @{ Kind = 'persistentvolumeclaim'; Name = 'data' }
        @{ Kind = 'persistentvolume'; Name = 'pv-1' }
        @{ Kind = 'ingress'; Name = 'site' }
        @{ Kind = 'namespace'; Name = 'describe-tests' }
        @{ Kind = 'secret'; Name = 'token' }
    ) {
        $ours = Show-KubeResource $Kind $Name -Namespace $ns | Out-String
        $theirs = (Invoke-Kubectl describe $Kind $Name -n $ns) -join "`n"
        Assert-SameDescription $ours $theirs
    }

    It 'takes objects from the pipeline and separates them like kubectl' {
        $ours = Get-KubePod 'web-*' -Namespace $ns | Show-KubeResource | Out-String
        $theirs = (Invoke-Kubectl describe pods web- -n $ns) -join "`n"
        Assert-SameDescription $ours $theirs
    }

    It 'returns sections with -AsObject' {
        $sections = Show-KubeResource pod web-a -Namespace $ns -AsObject
        ($sections | Where-Object Label -eq 'Name').Value | Should -Be 'web-a'
        ($sections | Where-Object Label -eq 'Events').Rows[0] | Should -Contain 'Scheduled'
    }

    It 'reports a missing object as ObjectNotFound' {
        Show-KubeResource pod nope -Namespace $ns -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
