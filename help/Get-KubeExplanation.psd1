@{
    Synopsis    = 'Documents a resource type or one of its fields (kubectl explain).'
    Description = @'
Get-KubeExplanation reads the server's OpenAPI v3 schema of the type (custom resources too) and shows what kubectl explain shows: the group, kind and version, the field's type, its description and that of its type, and the fields below it with their types (-required- where the schema requires them) and descriptions. -Recursive lists every field below, all levels deep, without descriptions. The object carries the parts (FieldType, Descriptions, Fields with Name, Type, Required, Description) and the text (Text).
'@
    Parameters  = @{
        Context    = 'A kubeconfig context to use for this call only.'
        Namespace  = 'Not used by this command; accepted like every cluster command.'
        Path       = 'A type (pods, deploy, deployments) and an optional field path: deploy.spec.strategy, pods.spec.containers.ports. Arrays and maps are stepped through.'
        Recursive  = 'List every field below, all levels deep, without descriptions (kubectl --recursive).'
        ApiVersion = 'Another version of the type''s group (kubectl --api-version), such as autoscaling/v1.'
    }
    Outputs     = @('PracticeK8s.Engine.Explain.KubeExplanation')
    Examples    = @(
        @{ Title = 'a field'; Code = 'Get-KubeExplanation deployment.spec.strategy'; Remarks = 'The strategy''s description and its fields rollingUpdate and type, like kubectl explain deployment.spec.strategy.' }
        @{ Title = 'the whole tree'; Code = 'Get-KubeExplanation pods.spec -Recursive'; Remarks = 'Every field of a pod spec, nested, like kubectl explain pods.spec --recursive.' }
        @{ Title = 'required fields of a container'; Code = '(Get-KubeExplanation pods.spec.containers).Fields | Where-Object Required | ForEach-Object Name'; Remarks = 'The fields are objects: name is the one a container must have.' }
    )
    Links       = @('Get-KubeApiResource', 'Show-KubeResource')
}
