using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

/// <summary>
/// The listings printed in the course (seed/practicing-kubernetes.rst), rebuilt from model objects that would
/// produce them and compared character for character.
/// </summary>
public sealed class CourseListingTests
{
    private static string Text(string rawListing) => rawListing + "\n";

    private static V1Pod RunningPod(string name, DateTime created, int containers = 1, string? ip = null, string? node = null,
        int restarts = 0, DateTime? lastRestart = null)
    {
        var statuses = Enumerable.Range(0, containers)
            .Select(i => Running($"c{i}", restarts: i == 0 ? restarts : 0, lastFinished: i == 0 ? lastRestart : null)).ToArray();
        var pod = Pod(name, created, statuses);
        pod.Metadata.NamespaceProperty = "default";
        pod.Spec.NodeName = node;
        if (ip is not null) pod.Status.PodIPs = [new V1PodIP { Ip = ip }];
        return pod;
    }

    private static V1Service ClusterIPService(string name, string ip, int port, DateTime created, Dictionary<string, string>? selector = null) => new()
    {
        Metadata = Meta(name, created, "default"),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP", ClusterIP = ip, ClusterIPs = [ip], Selector = selector,
            Ports = [new V1ServicePort { Port = port, Protocol = "TCP", TargetPort = port }],
        },
    };

    [Fact]
    public void KubeSystemPods()
    {
        var pods = new object[]
        {
            RunningPod("calico-kube-controllers-6f7889fb64-77p8j", MinutesAgo(108), restarts: 1, lastRestart: MinutesAgo(106)),
            RunningPod("calico-node-55nv7", MinutesAgo(107)),
            RunningPod("calico-node-9w2hx", MinutesAgo(108)),
            RunningPod("calico-node-nkc7k", MinutesAgo(107)),
            RunningPod("coredns-65648f44c6-4fr8f", MinutesAgo(108)),
            RunningPod("coredns-65648f44c6-gdrn7", MinutesAgo(108)),
            RunningPod("csi-linode-controller-0", MinutesAgo(108), containers: 4),
            RunningPod("csi-linode-node-b877q", MinutesAgo(107), containers: 2),
            RunningPod("csi-linode-node-wwqn9", MinutesAgo(108), containers: 2),
            RunningPod("csi-linode-node-xmqlv", MinutesAgo(107), containers: 2),
            RunningPod("kube-proxy-7tvxm", MinutesAgo(107)),
            RunningPod("kube-proxy-k2sxs", MinutesAgo(108)),
            RunningPod("kube-proxy-sh4wc", MinutesAgo(107)),
        };
        Assert.Equal(Text("""
            NAME                                       READY   STATUS    RESTARTS       AGE
            calico-kube-controllers-6f7889fb64-77p8j   1/1     Running   1 (106m ago)   108m
            calico-node-55nv7                          1/1     Running   0              107m
            calico-node-9w2hx                          1/1     Running   0              108m
            calico-node-nkc7k                          1/1     Running   0              107m
            coredns-65648f44c6-4fr8f                   1/1     Running   0              108m
            coredns-65648f44c6-gdrn7                   1/1     Running   0              108m
            csi-linode-controller-0                    4/4     Running   0              108m
            csi-linode-node-b877q                      2/2     Running   0              107m
            csi-linode-node-wwqn9                      2/2     Running   0              108m
            csi-linode-node-xmqlv                      2/2     Running   0              107m
            kube-proxy-7tvxm                           1/1     Running   0              107m
            kube-proxy-k2sxs                           1/1     Running   0              108m
            kube-proxy-sh4wc                           1/1     Running   0              107m
            """), KubeTable.Render(pods, Now));
    }

    [Fact]
    public void DeploymentPodsWithOneNotYetReady()
    {
        var pods = new object[]
        {
            RunningPod("nginx-deployment-7558575c69-5cfx9", SecondsAgo(3)),
            RunningPod("nginx-deployment-7558575c69-z4str", SecondsAgo(295)),
        };
        ((V1Pod)pods[0]).Status.ContainerStatuses[0].Ready = false;
        Assert.Equal(Text("""
            NAME                                READY   STATUS    RESTARTS   AGE
            nginx-deployment-7558575c69-5cfx9   0/1     Running   0          3s
            nginx-deployment-7558575c69-z4str   1/1     Running   0          4m55s
            """), KubeTable.Render(pods, Now));
    }

    [Fact]
    public void Namespaces()
    {
        var namespaces = new[] { "default", "kube-node-lease", "kube-public", "kube-system" }
            .Select(n => (object)new V1Namespace { Metadata = Meta(n, MinutesAgo(102)), Status = new V1NamespaceStatus { Phase = "Active" } });
        Assert.Equal(Text("""
            NAME              STATUS   AGE
            default           Active   102m
            kube-node-lease   Active   102m
            kube-public       Active   102m
            kube-system       Active   102m
            """), KubeTable.Render(namespaces, Now));
    }

    [Fact]
    public void ScaledDeployment()
    {
        var deployment = new V1Deployment
        {
            Metadata = Meta("nginx-deployment", SecondsAgo(528), "default"),
            Spec = new V1DeploymentSpec { Replicas = 2 },
            Status = new V1DeploymentStatus { ReadyReplicas = 2, UpdatedReplicas = 2, AvailableReplicas = 2 },
        };
        Assert.Equal(Text("""
            NAME               READY   UP-TO-DATE   AVAILABLE   AGE
            nginx-deployment   2/2     2            2           8m48s
            """), KubeTable.Render([deployment], Now));
    }

    [Fact]
    public void GetAllWide_PodsServiceDaemonSet()
    {
        var objects = new object[]
        {
            RunningPod("nginx-deployment-4s8rd", SecondsAgo(23), ip: "10.2.2.8", node: "lke48122-76524-61d0a68f3022"),
            RunningPod("nginx-deployment-7n9cl", SecondsAgo(23), ip: "10.2.0.8", node: "lke48122-76524-61d0a68f0b9e"),
            RunningPod("nginx-deployment-ld2jl", SecondsAgo(23), ip: "10.2.1.7", node: "lke48122-76524-61d0a68f5457"),
            ClusterIPService("kubernetes", "10.128.0.1", 443, HoursAgo(20)),
            new V1DaemonSet
            {
                Metadata = Meta("nginx-deployment", SecondsAgo(24), "default"),
                Spec = new V1DaemonSetSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = Labels("app=nginx") },
                    Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "nginx", Image = "nginx:alpine" }] } },
                },
                Status = new V1DaemonSetStatus { DesiredNumberScheduled = 3, CurrentNumberScheduled = 3, NumberReady = 3, UpdatedNumberScheduled = 3, NumberAvailable = 3 },
            },
        };
        Assert.Equal(Text("""
            NAME                         READY   STATUS    RESTARTS   AGE   IP         NODE                          NOMINATED NODE   READINESS GATES
            pod/nginx-deployment-4s8rd   1/1     Running   0          23s   10.2.2.8   lke48122-76524-61d0a68f3022   <none>           <none>
            pod/nginx-deployment-7n9cl   1/1     Running   0          23s   10.2.0.8   lke48122-76524-61d0a68f0b9e   <none>           <none>
            pod/nginx-deployment-ld2jl   1/1     Running   0          23s   10.2.1.7   lke48122-76524-61d0a68f5457   <none>           <none>

            NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR
            service/kubernetes   ClusterIP   10.128.0.1   <none>        443/TCP   20h   <none>

            NAME                              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS   IMAGES         SELECTOR
            daemonset.apps/nginx-deployment   3         3         3       3            3           <none>          24s   nginx        nginx:alpine   app=nginx
            """), KubeTable.Render(objects, Now, new TableOptions { Wide = true }));
    }

    [Fact]
    public void GetAll_HelloDeployment()
    {
        var selector = Labels("role=hello");
        var objects = new object[]
        {
            RunningPod("hello-868bcb8b84-9c22g", SecondsAgo(71)),
            RunningPod("hello-868bcb8b84-r4qj7", SecondsAgo(71)),
            RunningPod("hello-868bcb8b84-zdxgz", SecondsAgo(71)),
            ClusterIPService("hello", "10.128.137.215", 8080, SecondsAgo(72), selector),
            ClusterIPService("kubernetes", "10.128.0.1", 443, HoursAgo(23)),
            new V1Deployment
            {
                Metadata = Meta("hello", SecondsAgo(72), "default"),
                Spec = new V1DeploymentSpec { Replicas = 3 },
                Status = new V1DeploymentStatus { ReadyReplicas = 3, UpdatedReplicas = 3, AvailableReplicas = 3 },
            },
            new V1ReplicaSet
            {
                Metadata = Meta("hello-868bcb8b84", SecondsAgo(72), "default"),
                Spec = new V1ReplicaSetSpec { Replicas = 3 },
                Status = new V1ReplicaSetStatus { Replicas = 3, ReadyReplicas = 3 },
            },
        };
        Assert.Equal(Text("""
            NAME                         READY   STATUS    RESTARTS   AGE
            pod/hello-868bcb8b84-9c22g   1/1     Running   0          71s
            pod/hello-868bcb8b84-r4qj7   1/1     Running   0          71s
            pod/hello-868bcb8b84-zdxgz   1/1     Running   0          71s

            NAME                 TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)    AGE
            service/hello        ClusterIP   10.128.137.215   <none>        8080/TCP   72s
            service/kubernetes   ClusterIP   10.128.0.1       <none>        443/TCP    23h

            NAME                    READY   UP-TO-DATE   AVAILABLE   AGE
            deployment.apps/hello   3/3     3            3           72s

            NAME                               DESIRED   CURRENT   READY   AGE
            replicaset.apps/hello-868bcb8b84   3         3         3       72s
            """), KubeTable.Render(objects, Now));
    }

    [Fact]
    public void PersistentVolumeClaims_AsTheCoursesOlderServerPrintedThem()
    {
        var claim = new V1PersistentVolumeClaim
        {
            Metadata = Meta("csi-pvc-my-csi-app-set-0", MinutesAgo(26), "default"),
            Spec = new V1PersistentVolumeClaimSpec { VolumeName = "pvc-5126d452623e4c2d", StorageClassName = "linode-block-storage", AccessModes = ["ReadWriteOnce"] },
            Status = new V1PersistentVolumeClaimStatus
            {
                Phase = "Bound", AccessModes = ["ReadWriteOnce"],
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") },
            },
        };
        var printer = KubePrinters.For(claim);
        var rows = KubeTable.Rows(printer, [claim], Now);

        // The course's cluster predates the VOLUMEATTRIBUTESCLASS column (a 1.32 server sends it): drop it to compare.
        var dropped = printer.Columns.ToList().FindIndex(c => c.Property == "VolumeAttributesClass");
        Assert.Equal(["VOLUMEATTRIBUTESCLASS", "<unset>"], rows.Select(r => r[dropped]));
        var older = rows.Select(r => (IReadOnlyList<string>)r.Where((_, i) => i != dropped).ToList());
        Assert.Equal(Text("""
            NAME                       STATUS   VOLUME                 CAPACITY   ACCESS MODES   STORAGECLASS           AGE
            csi-pvc-my-csi-app-set-0   Bound    pvc-5126d452623e4c2d   10Gi       RWO            linode-block-storage   26m
            """), TabWriter.Format(older, TabWriter.TableMinWidth, TabWriter.TablePadding));
    }

    [Fact]
    public void NodesWide()
    {
        V1Node Node(string name, string internalIP, string externalIP) => new()
        {
            Metadata = Meta(name, HoursAgo(24.5), labels: Labels("kubernetes.io/hostname=" + name, "lke.linode.com/pool-id=76524")),
            Spec = new V1NodeSpec(),
            Status = new V1NodeStatus
            {
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
                Addresses =
                [
                    new V1NodeAddress { Type = "Hostname", Address = name },
                    new V1NodeAddress { Type = "ExternalIP", Address = externalIP },
                    new V1NodeAddress { Type = "InternalIP", Address = internalIP },
                ],
                NodeInfo = new V1NodeSystemInfo
                {
                    KubeletVersion = "v1.22.2", OsImage = "Debian GNU/Linux 11 (bullseye)",
                    KernelVersion = "5.10.0-9-cloud-amd64", ContainerRuntimeVersion = "docker://20.10.10",
                },
            },
        };
        var nodes = new object[]
        {
            Node("lke48122-76524-61d0a68f0b9e", "192.168.192.47", "50.116.56.155"),
            Node("lke48122-76524-61d0a68f3022", "192.168.192.65", "198.74.62.108"),
            Node("lke48122-76524-61d0a68f5457", "192.168.192.48", "198.74.62.28"),
        };
        Assert.Equal(Text("""
            NAME                          STATUS   ROLES    AGE   VERSION   INTERNAL-IP      EXTERNAL-IP     OS-IMAGE                         KERNEL-VERSION         CONTAINER-RUNTIME
            lke48122-76524-61d0a68f0b9e   Ready    <none>   24h   v1.22.2   192.168.192.47   50.116.56.155   Debian GNU/Linux 11 (bullseye)   5.10.0-9-cloud-amd64   docker://20.10.10
            lke48122-76524-61d0a68f3022   Ready    <none>   24h   v1.22.2   192.168.192.65   198.74.62.108   Debian GNU/Linux 11 (bullseye)   5.10.0-9-cloud-amd64   docker://20.10.10
            lke48122-76524-61d0a68f5457   Ready    <none>   24h   v1.22.2   192.168.192.48   198.74.62.28    Debian GNU/Linux 11 (bullseye)   5.10.0-9-cloud-amd64   docker://20.10.10
            """), KubeTable.Render(nodes, Now, new TableOptions { Wide = true, WithNamespace = true }));
    }

    [Fact]
    public void ServicesWithLoadBalancer()
    {
        var hello = new V1Service
        {
            Metadata = Meta("hello", SecondsAgo(214), "default"),
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer", ClusterIP = "10.128.165.26", ClusterIPs = ["10.128.165.26"],
                Ports = [new V1ServicePort { Port = 8080, NodePort = 32736, Protocol = "TCP", TargetPort = 8080 }],
            },
            Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "170.187.131.84" }] } },
        };
        var objects = new object[] { hello, ClusterIPService("kubernetes", "10.128.0.1", 443, HoursAgo(25)) };
        Assert.Equal(Text("""
            NAME         TYPE           CLUSTER-IP      EXTERNAL-IP      PORT(S)          AGE
            hello        LoadBalancer   10.128.165.26   170.187.131.84   8080:32736/TCP   3m34s
            kubernetes   ClusterIP      10.128.0.1      <none>           443/TCP          25h
            """), KubeTable.Render(objects, Now));
    }
}
