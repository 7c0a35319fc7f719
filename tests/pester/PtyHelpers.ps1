# Shared by Pester files that drive a program on a pseudo-terminal: util-linux script(1) gives the
# program a terminal; keys are typed once the output shows what the step waits for.

function Invoke-PtySession {
    # Runs $CommandLine under script(1) and works through $Steps in order: each waits until the
    # output (escape sequences removed) matches Wait, then types Send (\r ends a line on a terminal).
    # Returns the whole output as text once the program ended; throws when a step or the end times out.
    param(
        [Parameter(Mandatory)] [string] $CommandLine,
        [object[]] $Steps = @(),
        [int] $TimeoutSeconds = 60
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new('script', [string[]]@('-qfec', $CommandLine, '/dev/null'))
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $text = [System.Text.StringBuilder]::new()
    $chars = [char[]]::new(4096)
    $state = @{ Read = $process.StandardOutput.ReadAsync($chars, 0, $chars.Length) }
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $clean = { ($text.ToString() -replace '\x1b\[[0-9;?]*[a-zA-Z]', '' -replace '\x1b[=>]', '') }
    $pump = {
        while ($state.Read.IsCompleted) {
            if ($state.Read.Result -le 0) { return $false }
            $null = $text.Append($chars, 0, $state.Read.Result)
            $state.Read = $process.StandardOutput.ReadAsync($chars, 0, $chars.Length)
        }
        $true
    }
    try {
        foreach ($step in $Steps) {
            while ((& $clean) -notmatch $step.Wait) {
                $open = & $pump
                if ([DateTime]::UtcNow -gt $deadline -or (-not $open -and $process.HasExited)) {
                    throw "timed out waiting for '$($step.Wait)'; output so far:`n$(& $clean)"
                }
                Start-Sleep -Milliseconds 50
            }
            if ($step.Pause) { Start-Sleep -Milliseconds $step.Pause }
            $process.StandardInput.Write($step.Send)
            $process.StandardInput.Flush()
        }
        while ($true) {
            $open = & $pump
            if (-not $open) { break }
            if ([DateTime]::UtcNow -gt $deadline) { throw "the session did not end; output so far:`n$(& $clean)" }
            Start-Sleep -Milliseconds 50
        }
        & $clean
    }
    finally {
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.Dispose()
    }
}
