namespace PracticeK8s.Sandbox.Tests.Cluster;

/// <summary>The manifests of the course (../shared/seed/practicing-kubernetes.rst), as a student writes them.</summary>
public static class CourseManifests
{
    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx-deployment
          labels:
            app: nginx
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80
        """;

    public const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: nginx-deployment
          labels:
            app: nginx
        spec:
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:alpine
        """;

    public const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: my-csi-app-set
        spec:
          selector:
            matchLabels:
              app: my-stateful-app
          serviceName: my-frontend
          replicas: 1
          template:
            metadata:
              labels:
                app: my-stateful-app
            spec:
              containers:
              - name: my-frontend
                image: busybox
                command: ["sleep", "1000000"]
                volumeMounts:
                - mountPath: /data
                  name: csi-pvc
          volumeClaimTemplates:
          - metadata:
              name: csi-pvc
            spec:
              accessModes: ["ReadWriteOnce"]
              storageClassName: linode-block-storage
              resources:
                requests:
                  storage: 10Gi
        """;

    private const string HelloDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: hello
        spec:
          replicas: 3
          selector:
            matchLabels:
              role: hello
          template:
            metadata:
              labels:
                role: hello
            spec:
              containers:
              - name: hello
                image: gcr.io/google-samples/hello-app:1.0
                ports:
                - containerPort: 8080
        ---
        """;

    public const string ClusterIp = HelloDeployment + "\n" + """
        apiVersion: v1
        kind: Service
        metadata:
          name: hello
        spec:
          type: ClusterIP
          selector:
            role: hello
          ports:
          - port: 8080
            targetPort: 8080
            protocol: TCP
        """;

    /// <summary>The course fixes nodePort 30000; tests let the server pick one (parallel sandboxes on one machine).</summary>
    public const string NodePort = HelloDeployment + "\n" + """
        apiVersion: v1
        kind: Service
        metadata:
          name: hello
        spec:
          type: NodePort
          selector:
            role: hello
          ports:
          - port: 8080
            targetPort: 8080
            protocol: TCP
        """;

    public const string LoadBalancer = HelloDeployment + "\n" + """
        apiVersion: v1
        kind: Service
        metadata:
          name: hello
        spec:
          type: LoadBalancer
          selector:
            role: hello
          ports:
          - port: 8080
            targetPort: 8080
            protocol: TCP
        """;
}
