# Publish-KubeResource (kubectl apply) against a sandbox, with stock kubectl as the referee.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PodHelpers.ps1"
    Import-Module $ModulePath -Force
    $script:sandbox = Start-TestSandbox
    $script:course = Join-Path $PSScriptRoot '../../examples/course'

    function script:Get-Live([string] $Kind, [string] $Name, [string] $Namespace) {
        $arguments = @('get', $Kind, $Name, '-o', 'json', '--show-managed-fields')
        if ($Namespace) { $arguments += @('-n', $Namespace) }
        (Invoke-Kubectl @arguments) -join "`n" | ConvertFrom-Json -AsHashtable
    }

    function script:New-Manifest([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Path (Split-Path $path) -Force
        Set-Content -Path $path -Value $Text
        $path
    }
}

AfterAll { Stop-TestSandbox }

Describe 'Publish-KubeResource client-side apply' {
    BeforeAll {
        $script:ns = New-TestNamespace 'apply-csa'
    }

    It 'creates the course deployment with kubectl''s line and last-applied annotation' {
        $result = Publish-KubeResource -Path (Join-Path $course 'deployment.yaml') -Namespace $ns
        $result.Message | Should -BeExactly 'deployment.apps/nginx-deployment created'
        $result.Action | Should -Be 'created'
        $result.Resource | Should -Be 'deployment.apps'
        $result.Namespace | Should -Be $ns
        $result.Source | Should -BeLike '*deployment.yaml*document 1*'
        ($result | Out-String).Trim() | Should -BeExactly 'deployment.apps/nginx-deployment created'
        $live = Get-Live deployment nginx-deployment $ns
        $live.spec.replicas | Should -Be 2
        $live.spec.template.spec.containers[0].image | Should -Be 'nginx:1.14.2'
        $annotation = $live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']
        $annotation | Should -BeExactly ('{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx-deployment","namespace":"' + $ns +
            '"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.14.2","name":"nginx","ports":[{"containerPort":80}]}]}}}}' + "`n")
    }

    It 'records kubectl-client-side-apply as the field manager' {
        $live = Get-Live deployment nginx-deployment $ns
        ($live.metadata.managedFields | Where-Object { $_.manager -eq 'kubectl-client-side-apply' }).operation | Should -Be 'Update'
    }

    It 'says unchanged when applied again, and sends no change' {
        # The controllers keep writing the status (and so the resourceVersion) while the pods start:
        # what an apply would change is the spec (generation) and the last-applied annotation.
        $before = Get-Live deployment nginx-deployment $ns
        (Publish-KubeResource -Path (Join-Path $course 'deployment.yaml') -Namespace $ns).Message | Should -BeExactly 'deployment.apps/nginx-deployment unchanged'
        $after = Get-Live deployment nginx-deployment $ns
        $after.metadata.generation | Should -Be $before.metadata.generation
        $lastApplied = 'kubectl.kubernetes.io/last-applied-configuration'
        $after.metadata.annotations.$lastApplied | Should -Be $before.metadata.annotations.$lastApplied
    }

    It 'keeps what others changed and resets what the manifest sets (three-way merge)' {
        Invoke-Kubectl label deployment nginx-deployment -n $ns owner=ops | Out-Null
        Invoke-Kubectl annotate deployment nginx-deployment -n $ns note=kept | Out-Null
        Invoke-Kubectl patch deployment nginx-deployment -n $ns --type merge -p '{"spec":{"replicas":5}}' | Out-Null
        (Publish-KubeResource -Path (Join-Path $course 'deployment.yaml') -Namespace $ns).Message | Should -BeExactly 'deployment.apps/nginx-deployment configured'
        $live = Get-Live deployment nginx-deployment $ns
        $live.spec.replicas | Should -Be 2 -Because 'replicas is in the manifest'
        $live.metadata.labels.owner | Should -Be 'ops' -Because 'a label only the server had survives'
        $live.metadata.annotations.note | Should -Be 'kept'
        $live.metadata.labels.app | Should -Be 'nginx'
    }

    It 'deletes what was removed from the manifest since the last apply, and merges containers by name' {
        $path = New-Manifest 'csa/web.yaml' @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, tier: front}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: "nginx:1.14.2", env: [{name: A, value: "1"}, {name: B, value: "2"}]}
      - {name: sidecar, image: busybox}
"@
        (Publish-KubeResource $path -Namespace $ns).Action | Should -Be 'created'
        Set-Content $path @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: "nginx:1.25", env: [{name: A, value: "1"}]}
      - {name: sidecar, image: busybox}
"@
        (Publish-KubeResource $path -Namespace $ns).Action | Should -Be 'configured'
        $live = Get-Live deployment web $ns
        $live.metadata.labels.Keys | Should -Not -Contain 'tier'
        $containers = $live.spec.template.spec.containers
        $containers.name | Should -Be @('web', 'sidecar')
        $containers[0].image | Should -Be 'nginx:1.25'
        $containers[0].env.name | Should -Be @('A')
    }

    It 'gives the same result kubectl apply expects: kubectl apply after ours is unchanged' {
        $path = Join-Path $course 'cluster_ip.yaml'
        $results = Publish-KubeResource $path -Namespace $ns
        $results.Message | Should -Be @('deployment.apps/hello created', 'service/hello created')
        $kubectl = Invoke-Kubectl apply -f $path -n $ns
        $kubectl | Should -Be @('deployment.apps/hello unchanged', 'service/hello unchanged')
        (Invoke-Kubectl apply -f (Join-Path $course 'deployment.yaml') -n $ns) | Should -Be 'deployment.apps/nginx-deployment unchanged'
    }

    It 'says unchanged after kubectl apply of the same file, and configured once it changed' {
        $path = New-Manifest 'csa/settings.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: settings}`ndata: {mode: fast, size: '3'}"
        Invoke-Kubectl apply -f $path -n $ns | Should -Be 'configmap/settings created'
        (Publish-KubeResource $path -Namespace $ns).Message | Should -Be 'configmap/settings unchanged'
        Set-Content $path "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: settings}`ndata: {mode: slow}"
        (Publish-KubeResource $path -Namespace $ns).Message | Should -Be 'configmap/settings configured'
        (Get-Live configmap settings $ns).data.mode | Should -Be 'slow'
        (Get-Live configmap settings $ns).data.Keys | Should -Not -Contain 'size'
        Invoke-Kubectl apply -f $path -n $ns | Should -Be 'configmap/settings unchanged'
    }

    It 'stores the same objects as kubectl apply of the same files' {
        $a = New-TestNamespace 'apply-ours'
        $b = New-TestNamespace 'apply-kubectl'
        $files = 'deployment.yaml', 'cluster_ip.yaml', 'load_balancer.yaml' | ForEach-Object { Join-Path $course $_ }
        Publish-KubeResource -Path $files[0], $files[1] -Namespace $a | Out-Null
        Invoke-Kubectl apply -f $files[0] -f $files[1] -n $b | Out-Null
        function Get-Comparable([string] $Kind, [string] $Name, [string] $Namespace) {
            $o = Get-Live $Kind $Name $Namespace
            $o.Remove('status')
            foreach ($field in 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'namespace') { $o.metadata.Remove($field) }
            $o.metadata.annotations.Remove('deployment.kubernetes.io/revision')
            $o.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'] =
                $o.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'].Replace("`"namespace`":`"$Namespace`"", '"namespace":"X"')
            $o.metadata.managedFields = @($o.metadata.managedFields | Where-Object { $_.manager -like 'kubectl*' } | ForEach-Object { $_.Remove('time'); $_ })
            if ($Kind -eq 'service') { foreach ($field in 'clusterIP', 'clusterIPs') { $o.spec.Remove($field) } }
            $o | ConvertTo-Json -Depth 40 -Compress
        }
        foreach ($pair in @(@('deployment', 'nginx-deployment'), @('deployment', 'hello'), @('service', 'hello'))) {
            Get-Comparable $pair[0] $pair[1] $a | Should -BeExactly (Get-Comparable $pair[0] $pair[1] $b) -Because "$($pair -join '/') must be stored alike"
        }
        # Each tool takes over the other's objects as its own: the change to a LoadBalancer is configured alike.
        (Publish-KubeResource $files[2] -Namespace $b).Message | Should -Be @('deployment.apps/hello unchanged', 'service/hello configured')
        Invoke-Kubectl apply -f $files[2] -n $a | Should -Be @('deployment.apps/hello unchanged', 'service/hello configured')
        (Get-Live service hello $a).spec.type | Should -Be 'LoadBalancer'
        (Get-Live service hello $b).spec.type | Should -Be 'LoadBalancer'
    }

    It 'warns when the object was not created by apply, and adds the annotation' {
        $path = New-Manifest 'csa/plain.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: plain}`ndata: {k: v}"
        Invoke-Kubectl create -f $path -n $ns | Out-Null
        $result = Publish-KubeResource $path -Namespace $ns -WarningVariable warnings 3>$null
        $result.Message | Should -Be 'configmap/plain configured'
        $warnings[0] | Should -BeLike '*configmaps/plain is missing the kubectl.kubernetes.io/last-applied-configuration annotation*'
        (Get-Live configmap plain $ns).metadata.annotations.Keys | Should -Contain 'kubectl.kubernetes.io/last-applied-configuration'
    }

    It 'returns the live objects with -PassThru' {
        $objects = Publish-KubeResource (Join-Path $course 'cluster_ip.yaml') -Namespace $ns -PassThru
        $objects[0].PSObject.TypeNames | Should -Contain 'k8s.Models.V1Deployment'
        $objects[1].PSObject.TypeNames | Should -Contain 'k8s.Models.V1Service'
        $objects[1].Spec.Ports[0].Port | Should -Be 8080
    }
}

Describe 'Publish-KubeResource input' {
    BeforeAll {
        $script:ns = New-TestNamespace 'apply-input'
        $script:dir = Join-Path $TestDrive 'tree'
        New-Manifest 'tree/a.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: tree-a}`ndata: {x: '1'}" | Out-Null
        New-Manifest 'tree/b.json' '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "tree-b"}}' | Out-Null
        New-Manifest 'tree/notes.txt' 'not a manifest' | Out-Null
        New-Manifest 'tree/sub/c.yml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: tree-c}" | Out-Null
    }

    It 'reads a directory''s manifests, and its subdirectories with -Recurse' {
        (Publish-KubeResource $dir -Namespace $ns).Name | Should -Be @('tree-a', 'tree-b')
        (Publish-KubeResource $dir -Recurse -Namespace $ns).Message | Should -Be @('configmap/tree-a unchanged', 'configmap/tree-b unchanged', 'configmap/tree-c created')
    }

    It 'expands wildcards, and binds files from Get-ChildItem' {
        (Publish-KubeResource (Join-Path $dir '*.yaml') -Namespace $ns).Message | Should -Be 'configmap/tree-a unchanged'
        (Get-ChildItem $dir -Recurse -Filter *.yml | Publish-KubeResource -Namespace $ns).Message | Should -Be 'configmap/tree-c unchanged'
    }

    It 'takes -Yaml text and piped lines of YAML' {
        (Publish-KubeResource -Yaml "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: from-text}" -Namespace $ns).Message | Should -Be 'configmap/from-text created'
        (Get-Content (Join-Path $dir 'a.yaml') | Publish-KubeResource -Namespace $ns).Message | Should -Be 'configmap/tree-a unchanged'
    }

    It 'applies objects changed in the pipeline' {
        $result = ConvertFrom-KubeYaml -Path (Join-Path $course 'deployment.yaml') |
            ForEach-Object { $_.Spec.Replicas = 3; $_ } |
            Publish-KubeResource -Namespace $ns
        $result.Message | Should -Be 'deployment.apps/nginx-deployment created'
        $result.Source | Should -Be 'the pipeline, document 1'
        (Get-Live deployment nginx-deployment $ns).spec.replicas | Should -Be 3
    }

    It 'takes objects from the Get cmdlets back unchanged, without their server fields' {
        (Get-KubeConfigMap tree-a -Namespace $ns | Publish-KubeResource).Message | Should -Be 'configmap/tree-a unchanged'
        $json = (Invoke-Kubectl get configmap tree-a -n $ns -o json) -join "`n" | ConvertFrom-Json
        $json.data.x = '2'
        ($json | Publish-KubeResource).Message | Should -Be 'configmap/tree-a configured'
        (Get-Live configmap tree-a $ns).data.x | Should -Be '2'
        $list = (Invoke-Kubectl get configmaps tree-a tree-b -n $ns -o json) -join "`n" | ConvertFrom-Json
        ($list | Publish-KubeResource).Message | Should -Be @('configmap/tree-a unchanged', 'configmap/tree-b unchanged')
    }

    It 'reads standard input for -Path -' {
        $yaml = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: from-stdin}"
        $script = "Import-Module '$ModulePath'; (Publish-KubeResource -Path - -Namespace $ns -Context $($sandbox.Context)).Message"
        $pwsh = Get-TestPwsh
        $output = $yaml | & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
        $output | Should -Be 'configmap/from-stdin created'
        Test-Exists configmap from-stdin $ns | Should -BeTrue
    }

    It 'applies namespaces and CRDs before the objects that need them' {
        $path = New-Manifest 'order.yaml' @"
apiVersion: v1
kind: ConfigMap
metadata: {name: early, namespace: apply-order}
---
apiVersion: stable.example.com/v1
kind: CronTab
metadata: {name: nightly, namespace: apply-order}
spec: {cronSpec: "0 3 * * *", image: backup}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: crontabs.stable.example.com}
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec: {type: string}
              image: {type: string}
---
apiVersion: v1
kind: Namespace
metadata: {name: apply-order}
"@
        $results = Publish-KubeResource $path
        $results.Message | Should -Be @(
            'namespace/apply-order created'
            'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created'
            'configmap/early created'
            'crontab.stable.example.com/nightly created')
        (Get-Live crontab nightly apply-order).spec.image | Should -Be 'backup'
        (Get-Content $path -Raw).Replace('image: backup', 'image: backup2') | Set-Content $path
        (Publish-KubeResource $path).Message | Should -Be @(
            'namespace/apply-order unchanged'
            'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com unchanged'
            'configmap/early unchanged'
            'crontab.stable.example.com/nightly configured')
        (Get-Live crontab nightly apply-order).spec.image | Should -Be 'backup2'
        Invoke-Kubectl apply -f $path | Should -Contain 'crontab.stable.example.com/nightly unchanged'
        # A custom resource is a generic object: its cells work by name and stay out of its JSON.
        $crontab = Get-KubeResource -Kind crontab nightly -Namespace apply-order
        $crontab.Name | Should -Be 'nightly'
        $crontab.Age | Should -BeOfType [TimeSpan]
        $json = $crontab | ConvertTo-Json -Depth 20 | ConvertFrom-Json -AsHashtable
        $json.Keys | Sort-Object | Should -Be @('apiVersion', 'kind', 'metadata', 'spec')
        $json.spec.image | Should -Be 'backup2'
    }
}

Describe 'Publish-KubeResource namespaces, dry runs and -WhatIf' {
    BeforeAll {
        $script:ns = New-TestNamespace 'apply-modes'
        $script:other = New-TestNamespace 'apply-elsewhere'
    }

    It 'refuses an object of another namespace when -Namespace is given, and applies the others' {
        $path = New-Manifest 'modes/mixed.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: mine}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: theirs, namespace: $other}"
        $results = Publish-KubeResource $path -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue
        $results.Message | Should -Be 'configmap/mine created'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeNamespaceMismatch,*'
        $problems[0].Exception.Message | Should -BeLike "*configmap/theirs from `"$path`", document 2*the namespace from the provided object `"$other`" does not match the namespace `"$ns`"*"
        Test-Exists configmap theirs $other | Should -BeFalse
        # Without -Namespace, the object's own namespace wins.
        (Publish-KubeResource $path).Namespace | Should -Contain $other
    }

    It 'changes nothing with -WhatIf' {
        $path = New-Manifest 'modes/whatif.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: mine}`ndata: {changed: 'yes'}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: brand-new}"
        $before = (Get-Live configmap mine $ns).metadata.resourceVersion
        # -WhatIf talks to the host, so the command runs in a child pwsh whose output is captured.
        $output = Invoke-ChildPwsh "Import-Module '$ModulePath'; Publish-KubeResource '$path' -Namespace $ns -Context $($sandbox.Context) -WhatIf" | Out-String
        (Get-Live configmap mine $ns).metadata.resourceVersion | Should -Be $before
        Test-Exists configmap brand-new $ns | Should -BeFalse
        $output | Should -BeLike "*What if: Performing the operation `"Apply (create or update)`" on target `"configmap/brand-new in namespace $ns`"*"
    }

    It 'reports without storing with -DryRun Client and -DryRun Server' {
        $path = New-Manifest 'modes/dry.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: mine}`ndata: {changed: 'yes'}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: dry-new}"
        $before = (Get-Live configmap mine $ns).metadata.resourceVersion
        (Publish-KubeResource $path -Namespace $ns -DryRun Client).Message | Should -Be @('configmap/mine configured (dry run)', 'configmap/dry-new created (dry run)')
        (Publish-KubeResource $path -Namespace $ns -DryRun Server).Message | Should -Be @('configmap/mine configured (server dry run)', 'configmap/dry-new created (server dry run)')
        (Get-Live configmap mine $ns).metadata.resourceVersion | Should -Be $before
        Test-Exists configmap dry-new $ns | Should -BeFalse
    }
}

Describe 'Publish-KubeResource errors' {
    BeforeAll {
        $script:ns = New-TestNamespace 'apply-errors'
    }

    It 'applies nothing from a file with malformed YAML, names it, and applies the other files' {
        $bad = New-Manifest 'errors/bad.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: bad-first}`n---`napiVersion: v1`nkind: [ConfigMap`nmetadata: {name: bad-second}"
        $good = New-Manifest 'errors/good.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: good}"
        $results = Publish-KubeResource $bad, $good -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue
        $results.Message | Should -Be 'configmap/good created'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeManifestInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ParserError'
        $problems[0].Exception.Message | Should -BeLike "*`"$bad`"*document 2*line*"
        Test-Exists configmap bad-first $ns | Should -BeFalse
    }

    It 'names the object, file and document the server refused, and applies the rest of the file' {
        $path = New-Manifest 'errors/invalid.yaml' @"
apiVersion: v1
kind: ConfigMap
metadata: {name: before-invalid}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: broken}
spec:
  replicas: -1
  selector: {matchLabels: {app: broken}}
  template:
    metadata: {labels: {app: broken}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: after-invalid}
"@
        $results = Publish-KubeResource $path -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue
        $results.Message | Should -Be @('configmap/before-invalid created', 'configmap/after-invalid created')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -BeLike "error applying deployment.apps/broken from `"$path`", document 2 (line 4): *spec.replicas*"
        Test-Exists deployment broken $ns | Should -BeFalse
    }

    It 'refuses unknown fields (field validation Strict, as kubectl)' {
        $path = New-Manifest 'errors/typo.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: typo}`ndatta: {a: b}"
        Publish-KubeResource $path -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].Exception.Message | Should -BeLike '*configmap/typo*unknown field*datta*'
        Test-Exists configmap typo $ns | Should -BeFalse
    }

    It 'names an unknown kind and the file it came from' {
        $path = New-Manifest 'errors/unknown.yaml' "apiVersion: nothere.example.com/v1`nkind: Gadget`nmetadata: {name: g}"
        Publish-KubeResource $path -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeResourceTypeNotFound,*'
        $problems[0].Exception.Message | Should -BeLike "*Gadget `"g`" from `"$path`", document 1*resource mapping not found*"
    }

    It 'refuses documents without kind or name, and generateName' -ForEach @(
        @{ Yaml = "apiVersion: v1`nmetadata: {name: x}"; Message = "Object 'Kind' is missing in *" }
        @{ Yaml = "apiVersion: v1`nkind: ConfigMap`nmetadata: {generateName: x-}"; Message = '*cannot use generate name with apply' }
        @{ Yaml = "apiVersion: v1`nkind: ConfigMap`nmetadata: {labels: {a: b}}"; Message = 'ConfigMap in * has no metadata.name' }
    ) {
        Publish-KubeResource -Yaml $Yaml -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeManifestInvalid,*'
        $problems[0].Exception.Message | Should -BeLike $Message
    }

    It 'reports a missing path, and that nothing was given' {
        Publish-KubeResource (Join-Path $TestDrive 'nope.yaml') -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].Exception.Message | Should -BeLike 'the path "*nope.yaml" does not exist'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Publish-KubeResource -Yaml "# only a comment" -Namespace $ns -ErrorAction Stop } | Should -Throw -ErrorId 'KubeNoObjects,*'
    }

    It 'refuses contradictory switches before doing anything' {
        { Publish-KubeResource -Yaml "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: f}" -ForceConflicts -ErrorAction Stop } | Should -Throw '*-ForceConflicts only applies with -ServerSide*'
        { Publish-KubeResource -Yaml "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: f}" -ServerSide -DryRun Client -ErrorAction Stop } | Should -Throw '*-DryRun Client cannot be used with -ServerSide*'
        Test-Exists configmap f $ns | Should -BeFalse
    }
}

Describe 'Publish-KubeResource -ServerSide' -Tag 'ServerSideApply' {
    BeforeAll {
        $script:ns = New-TestNamespace 'apply-ssa'
    }

    It 'creates and updates with server-side apply, field manager kubectl' {
        $path = New-Manifest 'ssa/settings.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: ssa}`ndata: {a: '1'}"
        (Publish-KubeResource $path -Namespace $ns -ServerSide).Message | Should -Be 'configmap/ssa serverside-applied'
        $live = Get-Live configmap ssa $ns
        $live.data.a | Should -Be '1'
        ($live.metadata.managedFields | Where-Object { $_.manager -eq 'kubectl' }).operation | Should -Be 'Apply'
        $live.metadata.annotations.Keys | Should -Not -Contain 'kubectl.kubernetes.io/last-applied-configuration'
    }

    It 'fails on a field another manager owns, naming it, and takes it over with -ForceConflicts' {
        Publish-KubeResource (Join-Path $course 'deployment.yaml') -Namespace $ns -ServerSide -FieldManager team-a | Out-Null
        $path = New-Manifest 'ssa/scaled.yaml' ((Get-Content (Join-Path $course 'deployment.yaml') -Raw).Replace('replicas: 2', 'replicas: 3'))
        Publish-KubeResource $path -Namespace $ns -ServerSide -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeConflict,*'
        $problems[0].Exception.Message | Should -BeLike '*conflict with "team-a"*.spec.replicas*-ForceConflicts*'
        (Get-Live deployment nginx-deployment $ns).spec.replicas | Should -Be 2
        (Publish-KubeResource $path -Namespace $ns -ServerSide -ForceConflicts).Message | Should -Be 'deployment.apps/nginx-deployment serverside-applied'
        (Get-Live deployment nginx-deployment $ns).spec.replicas | Should -Be 3
    }

    It 'uses the field manager given, and changes nothing on -DryRun Server' {
        $path = New-Manifest 'ssa/other.yaml' "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: ssa-mine}`ndata: {a: '1'}"
        (Publish-KubeResource $path -Namespace $ns -ServerSide -DryRun Server).Message | Should -Be 'configmap/ssa-mine serverside-applied (server dry run)'
        Test-Exists configmap ssa-mine $ns | Should -BeFalse
        Publish-KubeResource $path -Namespace $ns -ServerSide -FieldManager team-a | Out-Null
        (Get-Live configmap ssa-mine $ns).metadata.managedFields.manager | Should -Contain 'team-a'
    }
}

Describe 'The course with Publish-KubeResource and Remove-KubeResource' -Tag 'Controllers' {
    BeforeAll {
        $script:ns = New-TestNamespace 'course'
        function script:Get-RunningPods {
            @(Get-KubePod -Namespace $ns -Selector app=nginx | Where-Object { $_.Status -eq 'Running' -and -not $_.Metadata.DeletionTimestamp })
        }
    }

    It 'applies deployment.yaml and gets two running nginx pods' {
        (Publish-KubeResource (Join-Path $course 'deployment.yaml') -Namespace $ns).Message | Should -Be 'deployment.apps/nginx-deployment created'
        Wait-KubeDeployment nginx-deployment -Namespace $ns -Timeout 20 | Out-Null
        Wait-Until -Seconds 30 { (Get-RunningPods).Count -eq 2 }
    }

    It 'replaces a deleted pod' {
        $victim = (Get-RunningPods)[0].Name
        (Remove-KubePod $victim -Namespace $ns).Message | Should -Be "pod `"$victim`" deleted"
        Wait-Until -Seconds 30 { $pods = Get-RunningPods; $pods.Count -eq 2 -and $pods.Name -notcontains $victim }
    }

    It 'scales 2 to 4 and has 4 running pods' {
        (Set-KubeDeploymentScale nginx-deployment -Replicas 4 -Namespace $ns -Wait -Timeout 20).Message | Should -Be 'deployment.apps/nginx-deployment scaled'
        Wait-Until -Seconds 30 { (Get-RunningPods).Count -eq 4 }
        (Get-KubeDeployment nginx-deployment -Namespace $ns).Ready | Should -Be '4/4'
    }

    It 'is described with 4 replicas' {
        $text = (Invoke-Kubectl describe deployments.apps nginx-deployment -n $ns) -join "`n"
        $text | Should -Match 'Replicas:\s+4 desired \| 4 updated \| 4 total \| 4 available'
    }

    It 'deletes what the file created and waits until the pods are gone' {
        (Remove-KubeResource -Path (Join-Path $course 'deployment.yaml') -Namespace $ns -Wait -Timeout 20).Message | Should -Be 'deployment.apps "nginx-deployment" deleted'
        Test-Exists deployment nginx-deployment $ns | Should -BeFalse
        Wait-Until -Seconds 30 { (Get-KubePod -Namespace $ns -Selector app=nginx).Count -eq 0 }
    }
}
