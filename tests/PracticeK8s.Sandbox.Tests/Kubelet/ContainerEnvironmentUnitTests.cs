using System.Text;
using k8s.Models;
using PracticeK8s.Sandbox.Kubelet.ContainerEnv;

namespace PracticeK8s.Sandbox.Tests.Kubelet;

/// <summary>The container environment as kubelet builds it: precedence, $(VAR), each valueFrom kind, Service link names, errors.</summary>
public sealed class ContainerEnvironmentUnitTests
{
    private sealed class Objects : IEnvironmentSources
    {
        public List<V1ConfigMap> ConfigMaps { get; } = new();
        public List<V1Secret> Secrets { get; } = new();
        public List<V1Service> ServiceList { get; } = new();
        public int ConfigMapReads;

        public V1ConfigMap? ConfigMap(string ns, string name)
        {
            ConfigMapReads++;
            return ConfigMaps.FirstOrDefault(c => c.Metadata.NamespaceProperty == ns && c.Metadata.Name == name);
        }

        public V1Secret? Secret(string ns, string name) => Secrets.FirstOrDefault(s => s.Metadata.NamespaceProperty == ns && s.Metadata.Name == name);
        public IEnumerable<V1Service> Services(string ns) => ServiceList;
    }

    private static V1ConfigMap ConfigMap(string ns, string name, params (string, string)[] data) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Data = data.ToDictionary(d => d.Item1, d => d.Item2),
    };

    private static V1Secret Secret(string ns, string name, params (string, string)[] data) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Data = data.ToDictionary(d => d.Item1, d => Encoding.UTF8.GetBytes(d.Item2)),
    };

    private static V1Service Service(string ns, string name, string? clusterIP, params V1ServicePort[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1ServiceSpec { ClusterIP = clusterIP, Ports = ports.ToList() },
    };

    private static V1Pod Pod(V1Container c, string ns = "app") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1", NamespaceProperty = ns, Uid = "u-1",
            Labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" },
            Annotations = new Dictionary<string, string> { ["note"] = "say \"hi\"" },
        },
        Spec = new V1PodSpec { NodeName = "node-1", ServiceAccountName = "robot", Containers = new List<V1Container> { c } },
    };

    private static readonly PodPlacement Placement = new(new[] { "172.18.0.2" }, new[] { "10.244.1.7" },
        new Dictionary<string, ResourceQuantity> { ["cpu"] = new("4"), ["memory"] = new("8Gi"), ["ephemeral-storage"] = new("100Gi") });

    private static V1EnvVar Var(string name, string value) => new() { Name = name, Value = value };
    private static V1EnvVar From(string name, V1EnvVarSource from) => new() { Name = name, ValueFrom = from };

    private static Dictionary<string, string> Env(ResolvedContainer r) => r.Env.ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void Expansion_FollowsKubernetesRules()
    {
        var map = VariableExpansion.Mapping(new Dictionary<string, string> { ["A"] = "x", ["B"] = "y" });
        Assert.Equal("x-y", VariableExpansion.Expand("$(A)-$(B)", map));
        Assert.Equal("$(A)", VariableExpansion.Expand("$$(A)", map));
        Assert.Equal("$(MISSING)", VariableExpansion.Expand("$(MISSING)", map));
        Assert.Equal("$A $ $(", VariableExpansion.Expand("$A $ $(", map));
        Assert.Equal("a$", VariableExpansion.Expand("a$", map));
        Assert.Equal("$x", VariableExpansion.Expand("$$$(A)", map));
    }

    [Fact]
    public void Precedence_EnvOverEnvFromOverServiceLinks_AndExpansionSeesEarlierOnly()
    {
        var objects = new Objects();
        objects.ServiceList.Add(Service("app", "hello", "10.96.0.20", new V1ServicePort { Port = 80 }));
        objects.ConfigMaps.Add(ConfigMap("app", "cfg", ("HELLO_SERVICE_HOST", "from-configmap"), ("MODE", "cm"), ("LEVEL", "3")));
        var c = new V1Container
        {
            Name = "c",
            EnvFrom = new List<V1EnvFromSource> { new() { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" } } },
            Env = new List<V1EnvVar>
            {
                Var("MODE", "env"),
                Var("URL", "http://$(HELLO_SERVICE_PORT_80_TCP_ADDR):$(HELLO_SERVICE_PORT)/$(LEVEL)/$(LATER)"),
                Var("LATER", "late"),
                Var("ESCAPED", "$$(MODE)"),
            },
            Command = new List<string> { "echo", "$(MODE)" },
            Args = new List<string> { "$(LATER)", "$$(LATER)", "$(HELLO_PORT)" },
        };
        var r = new ContainerEnvironmentResolver(objects).Resolve(Pod(c), c, Placement);
        var env = Env(r);
        Assert.Equal("from-configmap", env["HELLO_SERVICE_HOST"]);
        Assert.Equal("env", env["MODE"]);
        Assert.Equal("http://$(HELLO_SERVICE_PORT_80_TCP_ADDR):80/3/$(LATER)", env["URL"]);
        Assert.Equal("$(MODE)", env["ESCAPED"]);
        Assert.Equal(new[] { "echo", "env" }, r.Command);
        Assert.Equal(new[] { "late", "$(LATER)", "tcp://10.96.0.20:80" }, r.Args);
        // Service links first, then envFrom, then env; a replaced value keeps its place.
        var names = r.Env.Select(kv => kv.Key).ToList();
        Assert.True(names.IndexOf("HELLO_PORT") < names.IndexOf("HELLO_SERVICE_HOST"));
        Assert.True(names.IndexOf("HELLO_SERVICE_HOST") < names.IndexOf("MODE"));
        Assert.True(names.IndexOf("LEVEL") < names.IndexOf("URL"));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void ServiceLinks_NamesAsKubelet_HeadlessAndOtherNamespacesSkipped_MasterAlways()
    {
        var objects = new Objects();
        objects.ServiceList.Add(Service("default", "kubernetes", "10.96.0.1", new V1ServicePort { Name = "https", Port = 443, Protocol = "TCP" }));
        objects.ServiceList.Add(Service("app", "my-db", "10.96.3.4",
            new V1ServicePort { Name = "sql", Port = 5432 }, new V1ServicePort { Name = "dns-udp", Port = 53, Protocol = "UDP" }));
        objects.ServiceList.Add(Service("app", "headless", "None", new V1ServicePort { Port = 80 }));
        objects.ServiceList.Add(Service("app", "external", null, new V1ServicePort { Port = 80 }));
        objects.ServiceList.Add(Service("other", "elsewhere", "10.96.9.9", new V1ServicePort { Port = 80 }));
        var c = new V1Container { Name = "c" };
        var env = Env(new ContainerEnvironmentResolver(objects).Resolve(Pod(c), c, Placement));
        var expected = new Dictionary<string, string>
        {
            ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
            ["KUBERNETES_SERVICE_PORT"] = "443",
            ["KUBERNETES_SERVICE_PORT_HTTPS"] = "443",
            ["KUBERNETES_PORT"] = "tcp://10.96.0.1:443",
            ["KUBERNETES_PORT_443_TCP"] = "tcp://10.96.0.1:443",
            ["KUBERNETES_PORT_443_TCP_PROTO"] = "tcp",
            ["KUBERNETES_PORT_443_TCP_PORT"] = "443",
            ["KUBERNETES_PORT_443_TCP_ADDR"] = "10.96.0.1",
            ["MY_DB_SERVICE_HOST"] = "10.96.3.4",
            ["MY_DB_SERVICE_PORT"] = "5432",
            ["MY_DB_SERVICE_PORT_SQL"] = "5432",
            ["MY_DB_SERVICE_PORT_DNS_UDP"] = "53",
            ["MY_DB_PORT"] = "tcp://10.96.3.4:5432",
            ["MY_DB_PORT_5432_TCP"] = "tcp://10.96.3.4:5432",
            ["MY_DB_PORT_5432_TCP_PROTO"] = "tcp",
            ["MY_DB_PORT_5432_TCP_PORT"] = "5432",
            ["MY_DB_PORT_5432_TCP_ADDR"] = "10.96.3.4",
            ["MY_DB_PORT_53_UDP"] = "udp://10.96.3.4:53",
            ["MY_DB_PORT_53_UDP_PROTO"] = "udp",
            ["MY_DB_PORT_53_UDP_PORT"] = "53",
            ["MY_DB_PORT_53_UDP_ADDR"] = "10.96.3.4",
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), env.OrderBy(kv => kv.Key));

        var noLinks = Pod(c);
        noLinks.Spec.EnableServiceLinks = false;
        var masterOnly = Env(new ContainerEnvironmentResolver(objects).Resolve(noLinks, c, Placement));
        Assert.Equal(8, masterOnly.Count);
        Assert.All(masterOnly.Keys, k => Assert.StartsWith("KUBERNETES_", k));

        var runtimeOwned = new ContainerEnvironmentResolver(objects) { RuntimeOwned = PodEnvironments.RuntimeOwned };
        var withoutHostPort = Env(runtimeOwned.Resolve(noLinks, c, Placement));
        Assert.False(withoutHostPort.ContainsKey("KUBERNETES_SERVICE_HOST"));
        Assert.False(withoutHostPort.ContainsKey("KUBERNETES_SERVICE_PORT"));
        Assert.Equal("10.96.0.1", withoutHostPort["KUBERNETES_PORT_443_TCP_ADDR"]);
    }

    [Fact]
    public void EnvFrom_PrefixOptionalAndInvalidKeysWithWarning()
    {
        var objects = new Objects();
        objects.ConfigMaps.Add(ConfigMap("app", "cfg", ("color", "blue"), ("1bad", "x"), ("ok.dotted-name", "y")));
        objects.Secrets.Add(Secret("app", "creds", ("user", "admin"), ("pass word", "s3cret")));
        var c = new V1Container
        {
            Name = "c",
            EnvFrom = new List<V1EnvFromSource>
            {
                new() { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" }, Prefix = "CFG_" },
                new() { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" } },
                new() { SecretRef = new V1SecretEnvSource { Name = "creds" }, Prefix = "DB_" },
                new() { ConfigMapRef = new V1ConfigMapEnvSource { Name = "absent", Optional = true } },
                new() { SecretRef = new V1SecretEnvSource { Name = "absent", Optional = true } },
            },
        };
        var r = new ContainerEnvironmentResolver(objects).Resolve(Pod(c), c, Placement);
        var env = Env(r);
        Assert.Equal("blue", env["CFG_color"]);
        Assert.Equal("x", env["CFG_1bad"]);
        Assert.Equal("y", env["ok.dotted-name"]);
        Assert.False(env.ContainsKey("1bad"));
        Assert.Equal("admin", env["DB_user"]);
        Assert.False(env.ContainsKey("DB_pass word"));
        Assert.Equal(new[]
        {
            new EnvironmentWarning("InvalidEnvironmentVariableNames",
                "Keys [1bad] from the EnvFrom configMap app/cfg were skipped since they are considered invalid environment variable names."),
            new EnvironmentWarning("InvalidEnvironmentVariableNames",
                "Keys [DB_pass word] from the EnvFrom secret app/creds were skipped since they are considered invalid environment variable names."),
        }, r.Warnings);
    }

    [Fact]
    public void KeyRefs_ValuesOptionalAndKubeletErrors()
    {
        var objects = new Objects();
        objects.ConfigMaps.Add(ConfigMap("app", "cfg", ("color", "blue")));
        objects.Secrets.Add(Secret("app", "creds", ("pass", "s3cret")));
        V1EnvVar Cm(string name, string cm, string key, bool? optional = null) =>
            From(name, new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = cm, Key = key, Optional = optional } });
        V1EnvVar Sec(string name, string s, string key, bool? optional = null) =>
            From(name, new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = s, Key = key, Optional = optional } });
        ResolvedContainer Run(params V1EnvVar[] vars)
        {
            var c = new V1Container { Name = "c", Env = vars.ToList() };
            return new ContainerEnvironmentResolver(objects).Resolve(Pod(c), c, Placement);
        }

        var env = Env(Run(Cm("COLOR", "cfg", "color"), Sec("PASS", "creds", "pass"), Cm("A", "cfg", "nope", true), Cm("B", "gone", "k", true),
            Sec("C", "creds", "nope", true), Sec("D", "gone", "k", true), Cm("AGAIN", "cfg", "color")));
        Assert.Equal("blue", env["COLOR"]);
        Assert.Equal("s3cret", env["PASS"]);
        Assert.Equal("blue", env["AGAIN"]);
        Assert.DoesNotContain(env.Keys, k => k is "A" or "B" or "C" or "D");
        Assert.Equal(2, objects.ConfigMapReads); // "cfg" read once, "gone" once

        Assert.Equal("configmap \"gone\" not found", Assert.Throws<ContainerConfigException>(() => Run(Cm("X", "gone", "k"))).Message);
        Assert.Equal("couldn't find key nope in ConfigMap app/cfg", Assert.Throws<ContainerConfigException>(() => Run(Cm("X", "cfg", "nope"))).Message);
        Assert.Equal("secret \"gone\" not found", Assert.Throws<ContainerConfigException>(() => Run(Sec("X", "gone", "k"))).Message);
        Assert.Equal("couldn't find key nope in Secret app/creds", Assert.Throws<ContainerConfigException>(() => Run(Sec("X", "creds", "nope"))).Message);
        var c = new V1Container { Name = "c", EnvFrom = new List<V1EnvFromSource> { new() { SecretRef = new V1SecretEnvSource { Name = "gone" } } } };
        Assert.Equal("secret \"gone\" not found",
            Assert.Throws<ContainerConfigException>(() => new ContainerEnvironmentResolver(objects).Resolve(Pod(c), c, Placement)).Message);
    }

    [Fact]
    public void FieldRefs_EveryKubeletField()
    {
        var paths = new Dictionary<string, string>
        {
            ["metadata.name"] = "web-1",
            ["metadata.namespace"] = "app",
            ["metadata.uid"] = "u-1",
            ["metadata.labels['app']"] = "web",
            ["metadata.labels['absent']"] = "",
            ["metadata.annotations['note']"] = "say \"hi\"",
            ["metadata.labels"] = "app=\"web\"\ntier=\"front\"",
            ["metadata.annotations"] = "note=\"say \\\"hi\\\"\"",
            ["spec.nodeName"] = "node-1",
            ["spec.serviceAccountName"] = "robot",
            ["status.hostIP"] = "172.18.0.2",
            ["status.hostIPs"] = "172.18.0.2",
            ["status.podIP"] = "10.244.1.7",
            ["status.podIPs"] = "10.244.1.7",
        };
        var c = new V1Container
        {
            Name = "c",
            Env = paths.Keys.Select((p, i) => From("F" + i, new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = p } })).ToList(),
        };
        var env = Env(new ContainerEnvironmentResolver(new Objects()).Resolve(Pod(c), c, Placement));
        var i = 0;
        foreach (var (path, value) in paths) Assert.True(env["F" + i++] == value, $"{path}: {env["F" + (i - 1)]}");

        var bad = new V1Container { Name = "c", Env = new List<V1EnvVar> { From("X", new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.hostname" } }) } };
        Assert.Equal("unsupported fieldPath: spec.hostname",
            Assert.Throws<ContainerConfigException>(() => new ContainerEnvironmentResolver(new Objects()).Resolve(Pod(bad), bad, Placement)).Message);
    }

    [Fact]
    public void ResourceFieldRefs_DivisorRoundingAndNodeAllocatableForMissingLimits()
    {
        var c = new V1Container
        {
            Name = "c",
            Resources = new V1ResourceRequirements
            {
                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1500m"), ["memory"] = new("128Mi") },
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m") },
            },
        };
        string Value(string resource, string? divisor = null) => ResourceFieldValues.Get(
            new V1ResourceFieldSelector { Resource = resource, Divisor = divisor is null ? null : new ResourceQuantity(divisor) }, c, Placement.NodeAllocatable);
        Assert.Equal("2", Value("limits.cpu"));
        Assert.Equal("1500", Value("limits.cpu", "1m"));
        Assert.Equal("1", Value("requests.cpu"));
        Assert.Equal("250", Value("requests.cpu", "1m"));
        Assert.Equal("134217728", Value("limits.memory"));
        Assert.Equal("128", Value("limits.memory", "1Mi"));
        Assert.Equal("135", Value("limits.memory", "1M"));
        Assert.Equal("128", Value("requests.memory", "1Mi")); // not requested: the API server's default is the limit
        Assert.Equal("100", Value("limits.ephemeral-storage", "1Gi")); // no limit: the node's allocatable
        Assert.Equal("0", Value("requests.ephemeral-storage"));
        var bare = new V1Container { Name = "b" };
        Assert.Equal("4", ResourceFieldValues.Get(new V1ResourceFieldSelector { Resource = "limits.cpu" }, bare, Placement.NodeAllocatable));
        Assert.Equal("8192", ResourceFieldValues.Get(new V1ResourceFieldSelector { Resource = "limits.memory", Divisor = new("1Mi") }, bare, Placement.NodeAllocatable));
        var huge = new V1Container { Name = "h", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("9E") } } };
        Assert.Equal("9000000000000000000", ResourceFieldValues.Get(new V1ResourceFieldSelector { Resource = "limits.memory" }, huge, null));
        Assert.Throws<ContainerConfigException>(() => ResourceFieldValues.Get(new V1ResourceFieldSelector { Resource = "limits.memory", Divisor = new("1m") },
            new V1Container { Name = "h", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("10E") } } }, null));
        Assert.Equal("unsupported container resource : limits.gpu",
            Assert.Throws<ContainerConfigException>(() => ResourceFieldValues.Get(new V1ResourceFieldSelector { Resource = "limits.gpu" }, bare, null)).Message);
    }
}
