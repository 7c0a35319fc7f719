# The default tables in a real terminal (issue 20, line 6): pwsh on a pseudo-terminal from script(1)
# at 80 and at 200 columns, with stock kubectl run on the same terminal right after each table as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PtyHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'terminal-tables'
    New-FixtureObjects -Namespace $ns
    # A message longer than 200 columns' worth of table: it used to end in "…".
    $long = 'Back-off pulling image "registry.example/team/a-service-with-a-long-name:1.2.3-rc4": ' + ('rpc error: code = NotFound desc = failed to pull and unpack image ' * 2)
    Invoke-KubectlApply @"
apiVersion: v1
kind: Event
metadata: {name: web-b.long, namespace: $ns}
involvedObject: {kind: Pod, name: web-b, namespace: $ns, apiVersion: v1}
reason: Failed
message: '$long'
type: Warning
source: {component: kubelet}
count: 3
"@ | Out-Null

    $script:commands = [ordered]@{
        pods   = @{ Ours = 'Get-KubePod -AllNamespaces'; Kubectl = 'get pods -A' }
        nodes  = @{ Ours = 'Get-KubeNode -Wide'; Kubectl = 'get nodes -o wide' }
        events = @{ Ours = "Get-KubeEvent -Namespace $ns"; Kubectl = "get events -n $ns" }
    }

    function script:Invoke-TerminalTables([int] $Columns) {
        # One pwsh session on a terminal $Columns wide: each table, then kubectl's, between marker lines.
        $kubectl = "& '$((Get-Command kubectl).Source)' $(($KubectlArgs | ForEach-Object { "'$_'" }) -join ' ')"
        $body = foreach ($name in $commands.Keys) {
            "Write-Host '=== ours $name'; $($commands[$name].Ours)"
            "Write-Host '=== kubectl $name'; $kubectl $($commands[$name].Kubectl)"
        }
        $path = Join-Path $TestDrive "tables-$Columns.ps1"
        Set-Content -Path $path -Value (@(
                "Import-Module '$ModulePath'"
                "`$PSDefaultParameterValues['*-Kube*:Context'] = '$($sandbox.Context)'"
                "Write-Host ('=== width ' + [Console]::WindowWidth)") + $body + "Write-Host '=== end'")
        $pwsh = (@(Get-TestPwsh) + @('-NoProfile', '-NonInteractive', '-File', $path) | ForEach-Object { "'$_'" }) -join ' '
        $text = Invoke-PtySession "stty cols $Columns rows 60; $pwsh" -TimeoutSeconds 90
        $sections = @{}
        $current = $null
        foreach ($line in $text -split "`r?`n") {
            if ($line -match '^=== (.+)$') { $current = $Matches[1]; $sections[$current] = [System.Collections.Generic.List[string]]::new(); continue }
            if ($current -and $line.Trim()) { $sections[$current].Add($line) }
        }
        $sections
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Default tables on a terminal (issue 20, line 6)' {
    It 'at <Columns> columns, <Table> cuts no cell and lays its columns out as kubectl does' -ForEach @(
        foreach ($columns in 80, 200) { foreach ($table in 'pods', 'nodes', 'events') { @{ Columns = $columns; Table = $table } } }
    ) {
        if (-not $script:screens) { $script:screens = @{} }
        if (-not $screens.ContainsKey($Columns)) { $screens[$Columns] = Invoke-TerminalTables $Columns }
        $screen = $screens[$Columns]
        $screen.Keys | Should -Contain "width $Columns" -Because 'pwsh saw the terminal''s width'
        $ours = @($screen["ours $Table"])
        $theirs = @($screen["kubectl $Table"])
        $theirs.Count | Should -BeGreaterThan 1 -Because 'kubectl printed a table'
        ($ours -join "`n") | Should -Not -Match '…'
        ($ours -join "`n") | Should -Not -Match '(?m)^-+\s'
        # PowerShell breaks a line longer than the terminal where the terminal wraps kubectl's: join those rows back.
        $lines = @((Join-WrappedLines ($ours -join "`n") $Columns) -split "`n")
        $lines.Count | Should -Be $theirs.Count -Because "ours:`n$($lines -join "`n")`nkubectl:`n$($theirs -join "`n")"
        $lines[0].TrimEnd() | Should -BeExactly $theirs[0].TrimEnd()
        Get-ColumnStarts $lines[0] | Should -Be (Get-ColumnStarts $theirs[0])
        Assert-SameTable -Ours ($lines -join "`n") -Kubectl ($theirs -join "`n")
    }
}
