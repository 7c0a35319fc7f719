BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Import-Module $ModulePath -Force
    # The course's deployment.yaml, then a custom resource.
    $script:manifest = (Get-Content (Join-Path $PSScriptRoot '../../examples/course/deployment.yaml') -Raw).TrimEnd() + "`n" + @'
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w1
spec:
  size: 3
'@
}

Describe 'ConvertFrom-KubeYaml' {
    It 'returns typed objects for built-in kinds and generic objects for others' {
        $objects = $manifest | ConvertFrom-KubeYaml
        $objects.Count | Should -Be 2
        $objects[0].PSObject.TypeNames | Should -Contain 'k8s.Models.V1Deployment'
        $objects[0].Spec.Replicas | Should -Be 2
        $objects[0].Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.14.2'
        $objects[1].PSObject.TypeNames | Should -Contain 'PracticeK8s.KubeObject'
        $objects[1].spec.size | Should -Be 3
    }

    It 'joins lines from Get-Content and reads files with -Path and from Get-ChildItem' {
        $file = Join-Path $TestDrive 'deploy.yaml'
        Set-Content $file $manifest
        (Get-Content $file | ConvertFrom-KubeYaml).Count | Should -Be 2
        (ConvertFrom-KubeYaml -Path $file).Count | Should -Be 2
        (Get-ChildItem $file | ConvertFrom-KubeYaml).Count | Should -Be 2
        (ConvertFrom-KubeYaml -Path (Join-Path $TestDrive '*.yaml')).Count | Should -Be 2
    }

    It 'names file, document, line and column of malformed YAML and returns nothing from it' {
        $file = Join-Path $TestDrive 'bad.yaml'
        Set-Content $file "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: a}`n---`napiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: [b`n  labels: x`n"
        $result = ConvertFrom-KubeYaml -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeManifestInvalid,*'
        $err[0].Exception.Message | Should -BeLike "error parsing $file*document 2, line *, column *"
        $err[0].Exception.Document | Should -Be 2
        $err[0].Exception.Line | Should -BeGreaterOrEqual 8
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'reports a missing file as ObjectNotFound' {
        ConvertFrom-KubeYaml -Path (Join-Path $TestDrive 'nope.yaml') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'ConvertTo-KubeYaml' {
    It 'round-trips objects, several as one multi-document text' {
        $text = $manifest | ConvertFrom-KubeYaml | ConvertTo-KubeYaml
        $text | Should -Match '(?m)^---$'
        $again = $text | ConvertFrom-KubeYaml
        $again[0].Metadata.Name | Should -Be 'nginx-deployment'
        $again[1].metadata.name | Should -Be 'w1'
    }

    It 'writes hashtables and ConvertFrom-Json objects' {
        @{ apiVersion = 'v1'; kind = 'Namespace'; metadata = @{ name = 'team-a' } } | ConvertTo-KubeYaml |
            Should -Be "apiVersion: v1`nkind: Namespace`nmetadata:`n  name: team-a`n"
        $json = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"port":"8080","on":"true"}}' | ConvertFrom-Json
        $yaml = $json | ConvertTo-KubeYaml
        $yaml | Should -Match "port: '8080'"
        ($yaml | ConvertFrom-KubeYaml).Data['on'] | Should -Be 'true'
    }

    It 'drops server-filled fields with -ForApply' {
        $obj = $manifest | ConvertFrom-KubeYaml | Select-Object -First 1
        $obj.Metadata.Uid = 'abc'
        $obj.Metadata.ResourceVersion = '42'
        $obj.Metadata.Annotations = [Collections.Generic.Dictionary[string, string]]::new()
        $obj.Metadata.Annotations['kubectl.kubernetes.io/last-applied-configuration'] = '{}'
        $yaml = $obj | ConvertTo-KubeYaml -ForApply
        $yaml | Should -Not -Match 'uid:|resourceVersion:|last-applied|annotations'
        ($yaml | ConvertFrom-KubeYaml).Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.14.2'
    }
}

Describe 'Parse errors of a manifest file (issue 20, line 14)' {
    BeforeAll {
        # Every command that reads a manifest path reports a malformed one in a single sentence:
        # "error parsing <file>: document N, line L, column C: <problem>", the prefix once. The
        # parse comes before any request: the kubeconfig names a port where nothing listens.
        $env:KUBECONFIG = New-TestKubeconfig -Path (Join-Path $TestDrive 'parse-config') -Contexts @(@{ Name = 'p'; Cluster = 'c'; User = 'u' }) -Current p -Server 'https://127.0.0.1:9'
        $script:folder = Join-Path $TestDrive 'bad-manifests'
        $null = New-Item -ItemType Directory -Path $folder
        $script:yamlFile = Join-Path $folder 'broken.yaml'
        Set-Content -Path $yamlFile -Value "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: x`n data: [`n" -NoNewline
        $script:jsonFile = Join-Path $TestDrive 'broken.json'
        Set-Content -Path $jsonFile -Value "{`"apiVersion`": `"v1`", `"kind`": `"ConfigMap`",`n `"metadata`": {`"name`": `"x`"`n" -NoNewline

        function Get-ParseError([scriptblock] $Command) {
            $Error.Clear()
            try { & $Command -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null } catch { return $_ }
            $Error | Select-Object -Last 1
        }
    }
    AfterAll { Remove-Item Env:KUBECONFIG -ErrorAction SilentlyContinue }

    It '<Label> names the file, line and column once' -ForEach @(
        @{ Label = 'ConvertFrom-KubeYaml -Path (YAML)'; File = 'yaml'; Line = 5; Column = 2; Run = { ConvertFrom-KubeYaml -Path $yamlFile @args } }
        @{ Label = 'ConvertFrom-KubeYaml -Path (JSON)'; File = 'json'; Line = 3; Column = 1; Run = { ConvertFrom-KubeYaml -Path $jsonFile @args } }
        @{ Label = 'Publish-KubeResource -Path (YAML)'; File = 'yaml'; Line = 5; Column = 2; Run = { Publish-KubeResource -Path $yamlFile -DryRun Client @args } }
        @{ Label = 'Publish-KubeResource -Path (JSON)'; File = 'json'; Line = 3; Column = 1; Run = { Publish-KubeResource -Path $jsonFile -DryRun Client @args } }
        @{ Label = 'Publish-KubeResource -Path <folder>'; File = 'yaml'; Line = 5; Column = 2; Run = { Publish-KubeResource -Path $folder -DryRun Client @args } }
        @{ Label = 'Get-ChildItem | Publish-KubeResource'; File = 'yaml'; Line = 5; Column = 2; Run = { Get-ChildItem $folder | Publish-KubeResource -DryRun Client @args } }
        @{ Label = 'Remove-KubeResource -Path'; File = 'json'; Line = 3; Column = 1; Run = { Remove-KubeResource -Path $jsonFile -Confirm:$false @args } }
        @{ Label = 'Import-KubeConfig'; File = 'yaml'; Line = 5; Column = 2; Run = { Import-KubeConfig $yamlFile -Destination (Join-Path $TestDrive 'import-dest') -Confirm:$false @args } }
    ) {
        $path = if ($File -eq 'yaml') { $yamlFile } else { $jsonFile }
        $record = Get-ParseError $Run
        $record | Should -Not -BeNullOrEmpty -Because "$Label reads a malformed file"
        $message = $record.Exception.Message
        $message | Should -Match ([regex]::Escape($path)) -Because 'the message names the file'
        $message | Should -Match "line $Line, column $Column\b"
        ([regex]::Matches($message, 'error parsing|is malformed')).Count | Should -Be 1 -Because "the prefix reads once: $message"
        ([regex]::Matches($message, [regex]::Escape($path))).Count | Should -Be 1 -Because "the file is named once: $message"
        $record.FullyQualifiedErrorId | Should -Match '^Kube(ManifestInvalid|ConfigInvalid),'
    }

    It 'a field of the wrong type is named at its own line and column, with its type as the API names it' {
        $file = Join-Path $TestDrive 'wrong-type.yaml'
        Set-Content -Path $file -Value "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: x`nspec:`n  replicas: abc`n" -NoNewline
        $record = Get-ParseError { ConvertFrom-KubeYaml -Path $file @args }
        $record.Exception.Message | Should -Be "error parsing ${file}: document 1, line 6, column 13: Deployment `"x`" does not match its schema at spec.replicas: expected an integer, got `"abc`""
        $record.Exception.Message | Should -Not -Match 'Nullable'
    }
}
