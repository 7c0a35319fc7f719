using System.Text;

namespace PracticeK8s.Sandbox.Hosting;

/// <summary>Writes DIR/kubeconfig: admin context (current) and read-only context, CA inline.</summary>
public static class KubeconfigWriter
{
    public const string ClusterName = "practicek8s-sandbox", AdminContext = "practicek8s-sandbox",
        ReadOnlyContext = "practicek8s-sandbox-readonly", AdminUser = "practicek8s-admin", ReadOnlyUser = "practicek8s-readonly";

    public static string Render(string server, string caPem, string adminToken, string readOnlyToken)
    {
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{ClusterName}}
              cluster:
                server: {{server}}
                certificate-authority-data: {{ca}}
            users:
            - name: {{AdminUser}}
              user:
                token: {{adminToken}}
            - name: {{ReadOnlyUser}}
              user:
                token: {{readOnlyToken}}
            contexts:
            - name: {{AdminContext}}
              context:
                cluster: {{ClusterName}}
                user: {{AdminUser}}
                namespace: default
            - name: {{ReadOnlyContext}}
              context:
                cluster: {{ClusterName}}
                user: {{ReadOnlyUser}}
                namespace: default
            current-context: {{AdminContext}}
            preferences: {}

            """;
    }
}
