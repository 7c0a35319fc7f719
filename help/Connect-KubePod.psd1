@{
    Synopsis    = 'Attaches to a running container''s main process (kubectl attach).'
    Description = @'
Connect-KubePod joins the main process of a running container, like kubectl attach, over the pods/attach WebSocket (v5.channel.k8s.io, or v4). From then on the process's output comes back: stdout lines as strings on the pipeline, stderr lines as non-terminating errors (ErrorId KubeAttachStderr). Nothing is started or stopped: when the container's process ends the cmdlet returns (the kubelet reports no exit code for attach, so $LASTEXITCODE is 0), and Ctrl+C detaches, leaving the container running.

-Stdin (-i) sends input to the process: piped text (one line per object), else this process's own standard input. The container must have stdin: true in its spec to read it.

-Interactive (-it) makes this console the container's terminal, like kubectl attach -it: keys go to the process without local echo (Ctrl+C included, as with kubectl), its output is written to the console as is, and the window size follows. "If you don't see a command prompt, try pressing enter." is printed first, as kubectl does (the prompt was printed before you attached). Ctrl+P then Ctrl+Q detaches. When the process ends and the pod restarts its containers, a line tells how to attach again.

As kubectl decides: a terminal is used only when the container has one (tty: true); asking for one otherwise warns "Unable to use a TTY - container c did not allocate one" and attaches without. A container with a terminal gets one whenever input is sent.
'@
    Parameters  = @{
        Name        = 'The pod, or KIND/NAME for a pod of a workload or Service (deploy/web). Tab completion lists the pods.'
        Container   = 'The container. Default: the pod''s default container (annotation kubectl.kubernetes.io/default-container, else the first). Tab completion lists the containers of the pod named by -Name.'
        InputObject = 'Text sent to the process''s stdin (one line per object).'
        Stdin       = 'Send input to the process: piped text, else this process''s standard input (kubectl attach -i).'
        Tty         = 'Use the container''s terminal (kubectl attach -t); with a terminal all output arrives on stdout.'
        Interactive = 'Make this console the container''s terminal (kubectl attach -it). Ctrl+P Ctrl+Q detaches.'
        Quiet       = 'Print only the process''s output: no prompt hint, no session-ended or detached line.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace of the pod. Default: the session''s, then the context''s, then default.'
    }
    Inputs      = @('System.String (stdin lines)')
    Outputs     = @('System.String')
    Examples    = @(
        @{ Title = 'follow a process''s output'; Code = 'Connect-KubePod web-0'; Remarks = 'Lines appear as the process writes them; Ctrl+C detaches.' }
        @{ Title = 'the shell of a container started with stdin and tty'; Code = 'Connect-KubePod shell -Interactive'; Remarks = 'Like kubectl attach -it shell. Ctrl+P Ctrl+Q detaches; exit ends the shell (and the pod restarts it).' }
        @{ Title = 'send lines to a process reading stdin'; Code = "'one','two' | Connect-KubePod reader -Stdin"; Remarks = 'The lines go to the process''s stdin; its output follows until Ctrl+C.' }
    )
    Links       = @('Invoke-KubeExec', 'Debug-KubePod', 'Get-KubeLog')
}
