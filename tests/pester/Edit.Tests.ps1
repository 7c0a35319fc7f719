# Edit-KubeResource (kubectl edit) against a sandbox; the "editor" is a small pwsh script set in KUBE_EDITOR.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:ns = 'edit-tests'
    Invoke-KubectlApply "apiVersion: v1`nkind: Namespace`nmetadata: {name: $ns}" | Out-Null

    # The editor: records each file it is given (edit-<n>.yaml, path in edit-<n>.path), then runs
    # $env:PK8S_EDIT_SCRIPT with $Path, $Call (1, 2, ...) and $Text (the file's content) defined.
    $script:log = Join-Path $TestDrive 'editor'
    $null = New-Item -ItemType Directory -Path $log
    $editor = Join-Path $TestDrive 'editor.ps1'
    Set-Content $editor @'
param([string] $Path)
$log = $env:PK8S_EDIT_LOG
$Call = @(Get-ChildItem $log -Filter 'edit-*.path').Count + 1
Set-Content (Join-Path $log "edit-$Call.path") $Path
Copy-Item $Path (Join-Path $log "edit-$Call.yaml")
$Text = Get-Content $Path -Raw
. ([scriptblock]::Create($env:PK8S_EDIT_SCRIPT))
'@
    $env:PK8S_EDIT_LOG = $log
    $env:PK8S_KUBECTL_ARGS = $KubectlArgs -join ' '
    $env:KUBE_EDITOR = ((Get-TestPwsh) + @('-NoProfile', '-NonInteractive', '-File', $editor)) -join ' '

    function script:Set-Editor([string] $Script) {
        Get-ChildItem $log | Remove-Item
        $env:PK8S_EDIT_SCRIPT = $Script
    }

    function script:Get-EditorCall([int] $Call) {
        [pscustomobject]@{
            Path = (Get-Content (Join-Path $log "edit-$Call.path") -ErrorAction SilentlyContinue)
            Text = (Get-Content (Join-Path $log "edit-$Call.yaml") -Raw -ErrorAction SilentlyContinue)
        }
    }

    function script:Get-Live([string] $Kind, [string] $Name) {
        (Invoke-Kubectl get $Kind $Name -n $ns -o json) -join "`n" | ConvertFrom-Json
    }

    function script:New-Palette {
        Invoke-Kubectl delete configmap palette -n $ns --ignore-not-found | Out-Null
        Invoke-KubectlApply "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: palette, namespace: $ns, labels: {app: paint}}`ndata: {color: blue, size: large}" | Out-Null
    }
}

AfterAll {
    Stop-TestSandbox
    Remove-Item Env:KUBE_EDITOR, Env:PK8S_EDIT_LOG, Env:PK8S_EDIT_SCRIPT, Env:PK8S_KUBECTL_ARGS -ErrorAction SilentlyContinue
}

Describe 'Edit-KubeResource' {
    BeforeEach { New-Palette }

    It 'applies what was changed in the editor, and removes the temporary file' {
        Set-Editor 'Set-Content $Path ($Text.Replace("color: blue", "color: green")) -NoNewline'
        $result = Edit-KubeResource configmap palette -Namespace $ns
        $result.Message | Should -BeExactly 'configmap/palette edited'
        (Get-Live configmap palette).data.color | Should -Be 'green'
        (Get-Live configmap palette).data.size | Should -Be 'large'
        $call = Get-EditorCall 1
        $call.Text | Should -Match '(?m)^# Please edit the object below\. Lines beginning with a ''#'' will be ignored,$'
        $call.Text | Should -Match '(?m)^  color: blue$'
        $call.Text | Should -Not -Match 'managedFields'
        $call.Path | Should -Match 'PracticeK8s-edit-[a-z0-9]{5}\.yaml$'
        Test-Path $call.Path | Should -BeFalse
        Get-EditorCall 2 | ForEach-Object Path | Should -BeNullOrEmpty
    }

    It 'says "Edit cancelled, no changes made." and sends nothing when the file is unchanged' {
        Set-Editor '# change nothing'
        $before = (Get-Live configmap palette).metadata.resourceVersion
        Edit-KubeResource configmap palette -Namespace $ns -InformationVariable notes | Should -BeNullOrEmpty
        "$notes" | Should -Be 'Edit cancelled, no changes made.'
        (Get-Live configmap palette).metadata.resourceVersion | Should -Be $before
        Test-Path (Get-EditorCall 1).Path | Should -BeFalse
    }

    It 'cancels on an empty file' {
        Set-Editor 'Set-Content $Path "# nothing left`n"'
        Edit-KubeResource configmap palette -Namespace $ns -InformationVariable notes | Should -BeNullOrEmpty
        "$notes" | Should -Be 'Edit cancelled, saved file was empty.'
        (Get-Live configmap palette).data.color | Should -Be 'blue'
    }

    It 'reopens the editor after a YAML error, with the error in the header' {
        Set-Editor 'if ($Call -eq 1) { Set-Content $Path ($Text.Replace("color: blue", "color: [green")) -NoNewline } else { Set-Content $Path ($Text.Replace("color: [green", "color: green")) -NoNewline }'
        (Edit-KubeResource configmap palette -Namespace $ns).Message | Should -Be 'configmap/palette edited'
        (Get-EditorCall 2).Text | Should -Match '(?m)^# The edited file had a syntax error: '
        (Get-EditorCall 2).Text | Should -Match '(?m)^  color: \[green$'
        (Get-Live configmap palette).data.color | Should -Be 'green'
    }

    It 'shows the server''s reasons, and keeps the file when saved again unchanged' {
        Set-Editor 'if ($Call -eq 1) { Set-Content $Path ($Text.Replace("app: paint", "app: not valid!")) -NoNewline }'
        Edit-KubeResource configmap palette -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $second = Get-EditorCall 2
        $second.Text | Should -Match '(?m)^# configmaps "palette" was not valid:$'
        $second.Text | Should -Match '(?m)^# \* metadata\.labels: '
        $problems[0].Exception.Message | Should -Be "Edit cancelled, no valid changes were saved. A copy of your changes has been stored to `"$($second.Path)`""
        Test-Path $second.Path | Should -BeTrue
        Get-Content $second.Path -Raw | Should -Match 'app: not valid!'
        (Get-Live configmap palette).metadata.labels.app | Should -Be 'paint'
        Remove-Item $second.Path
    }

    It 'keeps the file and says where when the object was deleted meanwhile' {
        Set-Editor '& kubectl @($env:PK8S_KUBECTL_ARGS -split " ") delete configmap palette -n edit-tests | Out-Null; Set-Content $Path ($Text.Replace("color: blue", "color: red")) -NoNewline'
        Edit-KubeResource configmap palette -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $path = (Get-EditorCall 1).Path
        $problems[0].Exception.Message | Should -Be "configmaps `"palette`" could not be found on the server. A copy of your changes has been stored to `"$path`""
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-Content $path -Raw | Should -Match 'color: red'
        Remove-Item $path
    }

    It 'refuses a change of namespace and keeps the file' {
        Set-Editor "Set-Content `$Path (`$Text.Replace('namespace: $ns', 'namespace: default')) -NoNewline"
        Edit-KubeResource configmap palette -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -BeLike "the namespace of configmap/palette cannot be changed from `"$ns`" to `"default`". A copy of your changes has been stored to *"
        Remove-Item (Get-EditorCall 1).Path
    }

    It 'edits objects piped from Get cmdlets, with a strategic merge patch for built-in kinds' {
        Invoke-KubectlApply @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: $ns}
spec:
  replicas: 0
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.14.2"}, {name: log, image: busybox}]}
"@ | Out-Null
        Set-Editor 'Set-Content $Path ($Text.Replace("image: nginx:1.14.2", "image: nginx:1.25")) -NoNewline'
        (Get-KubeDeployment web -Namespace $ns | Edit-KubeResource).Message | Should -Be 'deployment.apps/web edited'
        $containers = (Get-Live deployment web).spec.template.spec.containers
        $containers.name | Should -Be @('nginx', 'log')
        $containers[0].image | Should -Be 'nginx:1.25'
    }

    It 'opens no editor with -WhatIf' {
        Set-Editor 'Set-Content $Path ($Text.Replace("color: blue", "color: green")) -NoNewline'
        Edit-KubeResource configmap palette -Namespace $ns -WhatIf | Should -BeNullOrEmpty
        (Get-EditorCall 1).Path | Should -BeNullOrEmpty
        (Get-Live configmap palette).data.color | Should -Be 'blue'
    }

    It 'reports an editor that fails or cannot be started' {
        $saved = $env:KUBE_EDITOR
        try {
            $env:KUBE_EDITOR = 'no-such-editor-anywhere'
            Edit-KubeResource configmap palette -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
            $problems[0].Exception.Message | Should -BeLike 'unable to launch the editor "no-such-editor-anywhere"*'
            $failing = Join-Path $TestDrive 'failing-editor.ps1'
            Set-Content $failing 'exit 3'
            $env:KUBE_EDITOR = ((Get-TestPwsh) + @('-NoProfile', '-NonInteractive', '-File', $failing)) -join ' '
            Edit-KubeResource configmap palette -Namespace $ns -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
            $failed[0].Exception.Message | Should -BeLike 'there was a problem with the editor "*" (exit code 3)'
        }
        finally {
            $env:KUBE_EDITOR = $saved
        }
        (Get-Live configmap palette).data.color | Should -Be 'blue'
    }
}
