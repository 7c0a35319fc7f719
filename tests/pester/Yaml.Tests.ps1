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
