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

    # The cluster's own pods settle first (the ingress controller turns ready a few seconds after start),
    # so the table and kubectl's, taken a moment apart, list the same state.
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ((Invoke-Kubectl get pods -A --no-headers) -match '\s(\d+)/(?!\1\s)\d+\s' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 500 }

    $script:commands = [ordered]@{
        pods   = @{ Ours = 'Get-KubePod -AllNamespaces'; Kubectl = 'get pods -A' }
        nodes  = @{ Ours = 'Get-KubeNode -Wide'; Kubectl = 'get nodes -o wide' }
        events = @{ Ours = "Get-KubeEvent -Namespace $ns"; Kubectl = "get events -n $ns" }
    }

    function script:Join-BrokenRows([string[]] $Rows, [string[]] $Lines) {
        # Joins printed rows into as many lines as kubectl's: a line takes rows until it is as long as
        # kubectl's, durations (AGE, LAST SEEN: printed a second apart) counted as one character.
        $short = { param($text) ($text -replace '(?<=^|\s)\d+[smhd](\d+[smhd])?(?=\s|$)', 'D').TrimEnd() }
        $next = 0
        foreach ($line in $Lines) {
            if ($next -ge $Rows.Count) { return }
            $joined = $Rows[$next++]
            while ((& $short $joined).Length -lt (& $short $line).Length -and $next -lt $Rows.Count) { $joined += $Rows[$next++] }
            $joined
        }
        while ($next -lt $Rows.Count) { $Rows[$next++] }
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
        # pwsh sets the terminal's title (OSC 0) after a native command: drop those sequences too.
        foreach ($line in ($text -replace '\x1b?\]0;[^\x07\n]*\x07', '') -split "`r?`n") {
            if ($line -match '=== (.+?)\s*$') { $current = $Matches[1]; $sections[$current] = [System.Collections.Generic.List[string]]::new(); continue }
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
        # A line longer than the terminal: the terminal wraps kubectl's, PowerShell breaks ours into rows
        # (every character kept). Join those rows back into lines, kubectl's lines saying how long each is.
        $lines = @(Join-BrokenRows -Rows $ours -Lines $theirs)
        $lines.Count | Should -Be $theirs.Count -Because "ours:`n$($lines -join "`n")`nkubectl:`n$($theirs -join "`n")"
        $lines[0].TrimEnd() | Should -BeExactly $theirs[0].TrimEnd()
        Get-ColumnStarts $lines[0] | Should -Be (Get-ColumnStarts $theirs[0])
        Assert-SameTable -Ours ($lines -join "`n") -Kubectl ($theirs -join "`n")
    }
}
