@{
    Synopsis    = 'Adds an ephemeral debug container to a running pod and attaches to it (kubectl debug).'
    Description = @'
Debug-KubePod adds an ephemeral container to a running pod, like kubectl debug POD --image=IMAGE, through the pods/ephemeralcontainers subresource. Ephemeral containers run once, are never restarted, and cannot be changed or removed once added (the pod keeps them until it is deleted).

-Target names a container of the pod whose process namespace the debug container joins (kubectl debug --target): ps inside then lists the target's processes (the sandbox does this when pods run isolated). Everything after -- (or -Command) is the debug container's command; without one the image's runs. -Container names the debug container; by default it is debugger- and five random characters, as kubectl names it, and a line says so.

With -Interactive (-it) the cmdlet waits until the container runs and makes this console its terminal, as kubectl debug -it does; -Stdin (-i) sends piped text or this process's input and writes the output to the pipeline. Without either the container is added and left running on its own. The exit code of an attach is 0 (the kubelet reports none), and $LASTEXITCODE is 1 when the container cannot be added.

Adding a container changes the pod: -WhatIf shows what would be added, -Confirm asks first.
'@
    Parameters  = @{
        Name        = 'The pod to debug, or KIND/NAME for a pod of a workload (deploy/web). Tab completion lists the pods.'
        Image       = 'The debug container''s image (kubectl debug --image), for example busybox.'
        Target      = 'The container whose process namespace the debug container joins (kubectl debug --target). Tab completion lists the containers of the pod named by -Name.'
        Container   = 'The debug container''s name (kubectl debug -c). Default: debugger-xxxxx.'
        Command     = 'The debug container''s command and arguments: everything after --, or -Command sh,-c,''...''. Default: the image''s command.'
        InputObject = 'Text sent to the debug container''s stdin (one line per object).'
        Stdin       = 'Keep the debug container''s stdin open and attach to it (kubectl debug -i).'
        Tty         = 'Give the debug container a terminal (kubectl debug -t).'
        Interactive = 'Stdin and a terminal, with this console attached (kubectl debug -it). Ctrl+P Ctrl+Q detaches.'
        Quiet       = 'Print only the debug container''s output.'
        Timeout     = 'How long to wait for the debug container to run before attaching. Default: 1 minute.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace of the pod. Default: the session''s, then the context''s, then default.'
        WhatIf      = 'Show which container would be added, without adding it.'
        Confirm     = 'Ask before adding the container.'
    }
    Inputs      = @('System.String (stdin lines)')
    Outputs     = @('System.String')
    Examples    = @(
        @{ Title = 'a shell beside a container''s processes'; Code = 'Debug-KubePod web-0 -Image busybox -Target web -Interactive -- sh'; Remarks = 'Like kubectl debug -it web-0 --image=busybox --target=web -- sh; ps -e lists the web container''s processes.' }
        @{ Title = 'run one command and read its output'; Code = "'' | Debug-KubePod web-0 -Image busybox -Target web -Stdin -- ps -e"; Remarks = 'The debug container runs ps once; its output comes back as strings.' }
    )
    Links       = @('Connect-KubePod', 'Invoke-KubeExec')
}
