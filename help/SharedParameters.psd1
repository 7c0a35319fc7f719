@{
    # Descriptions of parameters that every cmdlet talking to a cluster has; a cmdlet's own help file may override one.
    Parameters = @{
        WhatIf = 'Shows what would happen if the cmdlet runs ("What if: Performing the operation ... on target ..."), without changing anything on the cluster or on disk.'
        Confirm = 'Prompts you for confirmation before each change. -Confirm:$false runs without asking, even where the cmdlet would ask by default.'
        RequestTimeout = 'How long each request of this call may take before it fails with a KubeTimeout error naming the server, like kubectl --request-timeout: a number of seconds (30), a duration (500ms, 30s, 2m, 1h30m), a TimeSpan, or 0 for no limit. Default: 30s. The time covers connecting, waiting for the answer and reading it, retries included. Streams (-Watch, Get-KubeLog -Follow, Invoke-KubeExec and Copy-KubeItem once started) have no limit; the wait for their first answer does. For a whole session: $PSDefaultParameterValues[''*-Kube*:RequestTimeout''] = ''2m''.'
    }
}
