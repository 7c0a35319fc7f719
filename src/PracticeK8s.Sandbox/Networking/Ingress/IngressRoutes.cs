namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>The route table in force: published by <see cref="IngressController"/> on every change of Ingresses or IngressClasses, read per request.</summary>
public sealed class IngressRoutes
{
    private volatile IngressRouteTable _current = IngressRouteTable.Empty;

    public IngressRouteTable Current => _current;

    public void Publish(IngressRouteTable table) => _current = table;
}
