@{
    Synopsis    = 'Runs a command in a container (kubectl exec).'
    Description = @'
Invoke-KubeExec runs a program in a container of a pod, like kubectl exec, over the Kubernetes remote-command WebSocket protocol (v5.channel.k8s.io, or v4.channel.k8s.io on servers without v5). As with kubectl, everything after -- is the command: Invoke-KubeExec web -- ls -la /tmp (PowerShell's -- ends parameter parsing, so put -Namespace, -ErrorAction and the like before it). -Command ls,-la,/tmp says the same. The command is an argument list, not a shell line: use -- sh -c 'ls / | head' for shell syntax. The pod may also be named as kubectl names it, deploy/web or svc/web (or with -Deployment, -Service): the command then runs in one of its pods, the most active one as kubectl picks it.

Lines the command writes to stdout are written to the pipeline as strings; lines it writes to stderr become non-terminating errors (ErrorId KubeExecStderr), or output lines with -MergeError. The remote exit code is stored in $LASTEXITCODE (0 on success), a non-zero code is also reported as an error ("command terminated with exit code N"), and -PassThru writes an ExecResult with the exit code at the end. A command that cannot run at all (no such pod or container, a program not found in the container: "executable file not found in $PATH") is one non-terminating error naming the pod and container (ErrorId KubeExecFailed), and $LASTEXITCODE is 1, as kubectl exits; this is the same whether the pod was named or piped. Lines of stdout and stderr come out in the order the server sent them (lines written to both within the same instant cannot be ordered: the container's two pipes keep no time stamps).

Text piped in (or given to -InputObject) is the command's stdin, one line per object, and stdin is closed after the last line (this needs v5; over v4 a command that reads stdin to its end does not finish, and a warning says so). -Stdin (-i) without piped text passes this process's own standard input instead, like kubectl exec -i. Pods piped in (Get-KubePod) are where the command runs, once per pod; then a word before -- is not a pod name but the command's first word ($pod | Invoke-KubeExec -- ls -la).

-Interactive (-it) attaches this console to the command with a terminal, like kubectl exec -it pod -- sh: keys go to the remote program without local echo (Ctrl+C included), its output is written to the console as is, and the window size is sent at the start and whenever it changes. On Linux and macOS .NET switches the terminal to raw mode while keys are read; on Windows the console host renders the remote escape sequences (virtual terminal processing, as in Windows Terminal and conhost of Windows 10 and later). -Interactive needs a console: it is refused when input or output is redirected or the host has no console (jobs, remoting). -Tty alone asks for a terminal without attaching the console (output then all arrives on stdout).
'@
    Parameters  = @{
        Name        = 'The pod to run the command in, or KIND/NAME for a pod of a workload or Service (deploy/web, svc/web); bound from the Name of piped pods. Tab completion lists the pods.'
        Deployment  = 'Run in a pod of this Deployment, like kubectl exec deploy/NAME.'
        Service     = 'Run in a pod this Service selects, like kubectl exec svc/NAME.'
        Command     = 'The program and its arguments: everything after --, or each an element of -Command sh,-c,''echo hi''.'
        Stdin       = 'Without piped text, send this process''s standard input to the command (kubectl exec -i).'
        Container   = 'The container. Default: the pod''s default container (annotation kubectl.kubernetes.io/default-container, else the first). Tab completion lists the containers of the pod named by -Name.'
        InputObject = 'Piped pods (run the command in each) or text (the command''s stdin, one line per object).'
        MergeError  = 'Write stderr lines to the output like stdout lines instead of as errors.'
        PassThru    = 'Also write an ExecResult (Namespace, Pod, Container, Command, ExitCode, Protocol) after the output.'
        Interactive = 'Attach this console to the command with a terminal (kubectl exec -it).'
        Tty         = 'Ask the container for a terminal without attaching the console.'
        Protocol    = 'The channel protocol to offer: v5.channel.k8s.io or v4.channel.k8s.io. Default: offer both, v5 first.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace of the pod. Default: the session''s, then the context''s, then default.'
        WhatIf      = 'Show which command would run where, without running it.'
        Confirm     = 'Ask before running the command.'
    }
    Inputs      = @('k8s.Models.V1Pod (where to run)', 'System.String (stdin lines)')
    Outputs     = @('System.String', 'PracticeK8s.Engine.Exec.ExecResult')
    Examples    = @(
        @{ Title = 'a command after --, as with kubectl'; Code = 'Invoke-KubeExec web-0 -- ls -la /tmp'; Remarks = 'Everything after -- is the command; the listing comes back as strings.' }
        @{ Title = 'a shell line'; Code = "Invoke-KubeExec web-0 -Command sh,-c,'ls / | head -3'"; Remarks = 'The listing comes back as strings.' }
        @{ Title = 'a pod of a deployment'; Code = 'Invoke-KubeExec deploy/web -- hostname'; Remarks = 'Like kubectl exec deploy/web -- hostname.' }
        @{ Title = 'exit codes'; Code = "Invoke-KubeExec web-0 -ErrorAction SilentlyContinue -- sh -c 'exit 3'; `$LASTEXITCODE"; Remarks = 'Prints 3, as kubectl exec would exit with 3.' }
        @{ Title = 'stdin from the pipeline'; Code = "'line one','line two' | Invoke-KubeExec web-0 -- sh -c 'cat > /tmp/notes.txt'"; Remarks = 'The piped lines are written to a file in the container.' }
        @{ Title = 'the same command in every pod of a deployment'; Code = 'Get-KubeDeployment web | Get-KubePod | Invoke-KubeExec -Command hostname -PassThru'; Remarks = 'Each pod''s host name, followed by an ExecResult per pod.' }
        @{ Title = 'a shell in the pod'; Code = 'Invoke-KubeExec web-0 -Command sh -Interactive'; Remarks = 'Like kubectl exec -it web-0 -- sh; exit the shell to come back.' }
    )
    Links       = @('Connect-KubePod', 'Debug-KubePod', 'Copy-KubeItem', 'Get-KubeLog')
}
