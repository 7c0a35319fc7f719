namespace PracticeK8s.Sandbox.OpenApi.Schemas;

/// <summary>Names of the schemas that have no KubernetesClient model class of their own.</summary>
internal static class SchemaNames
{
    public const string Time = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    public const string MicroTime = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string RawExtension = "io.k8s.apimachinery.pkg.runtime.RawExtension";
    public const string FieldsV1 = "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
    public const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    public const string ListMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
    public const string Status = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    public const string DeleteOptions = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    public const string WatchEvent = "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent";
    public const string ApiResourceList = "io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList";

    private const string ApiExtensions = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";
    public const string Json = ApiExtensions + "JSON";
    public const string JsonSchemaPropsOrArray = ApiExtensions + "JSONSchemaPropsOrArray";
    public const string JsonSchemaPropsOrBool = ApiExtensions + "JSONSchemaPropsOrBool";
    public const string JsonSchemaPropsOrStringArray = ApiExtensions + "JSONSchemaPropsOrStringArray";
    public const string CustomResourceSubresourceStatus = ApiExtensions + "CustomResourceSubresourceStatus";

    public static string Ref(string schemaName) => "#/components/schemas/" + schemaName;
}
