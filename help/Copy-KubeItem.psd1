@{
    Synopsis    = 'Copies files and directories to and from containers (kubectl cp).'
    Description = @'
Copy-KubeItem copies a file or a directory between this machine and a container, like kubectl cp, by running tar in the container over exec (the container needs tar). One of -Path and -Destination is a pod path, written [namespace/]pod:path as kubectl writes it; the other is a local path (relative paths are relative to the current PowerShell location; a Windows drive such as C:\x is always local). Tab completes both: pods of the namespace as "pod:" beside local files, then after "pod:" the entries of the folder typed so far inside the container (ls run over exec; nothing is offered when the listing takes more than a few seconds).

Into a pod: if the destination is a directory in the container, the source is copied into it; otherwise the source is copied to that name. A tar stream is built locally (directories recursed, empty directories kept, symbolic links stored as links, file modes carried) and unpacked by tar -xmf in the container; closing stdin needs the v5.channel.k8s.io protocol, so copying into a pod fails with a clear error on servers that only speak v4.

Out of a pod: tar cf - runs in the container and the archive is unpacked here. If the local destination is an existing directory, the source is copied into it (kubectl would write to that path itself); otherwise the source is written to that name. Entries that would land outside the destination — names with .., absolute paths outside the source, links pointing outside, and paths that would be written through a symbolic link already on disk (the file itself, or a folder on the way from the destination folder you named) that leads out of that folder — are refused, each with a non-terminating error naming it (ErrorId KubeCopyUnsafeEntry), and nothing is written for them; an entry outside the source prefix aborts the copy (tar contents corrupted). Symbolic links are never created (a warning names each skipped link), as kubectl does. File modes are restored unless -NoPreserve (kubectl never restores them).

Large copies show a progress bar with the bytes moved.
'@
    Parameters  = @{
        Path        = 'The source: a local file or directory, or [namespace/]pod:path.'
        Destination = 'The destination: [namespace/]pod:path, or a local path.'
        Container   = 'The container. Default: the pod''s default container. Tab completion lists the containers of the pod on the line.'
        NoPreserve  = 'Do not carry file modes over: here, files keep default permissions; in the pod, tar runs with --no-same-permissions --no-same-owner.'
        Context     = 'A kubeconfig context to use for this call only.'
        Namespace   = 'The namespace of the pod when the pod path names none. Default: the session''s, then the context''s, then default.'
        WhatIf      = 'Show what would be copied where, without copying.'
        Confirm     = 'Ask before copying.'
    }
    Inputs      = @('None')
    Outputs     = @('None')
    Examples    = @(
        @{ Title = 'a directory into a pod'; Code = 'Copy-KubeItem ./site web-0:/usr/share/nginx/html/site'; Remarks = 'Like kubectl cp ./site web-0:/usr/share/nginx/html/site.' }
        @{ Title = 'a file out of a pod of another namespace'; Code = 'Copy-KubeItem shop/db-0:/var/log/db.log ./db.log'; Remarks = 'Namespace shop, pod db-0.' }
        @{ Title = 'a container of a multi-container pod'; Code = 'Copy-KubeItem ./conf.d web-0:/etc/nginx/conf.d -Container proxy -NoPreserve'; Remarks = 'The files get the container''s default permissions.' }
    )
    Links       = @('Invoke-KubeExec')
}
