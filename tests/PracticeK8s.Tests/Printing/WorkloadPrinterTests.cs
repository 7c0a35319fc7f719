using k8s.Models;
using PracticeK8s.Printing;
using static PracticeK8s.Tests.Printing.Build;

namespace PracticeK8s.Tests.Printing;

public sealed class WorkloadPrinterTests
{
    private static V1PodTemplateSpec Template(params (string Name, string Image)[] containers) => new()
    {
        Spec = new V1PodSpec { Containers = containers.Select(c => new V1Container { Name = c.Name, Image = c.Image }).ToList() },
    };

    private static V1LabelSelector Selector(params string[] pairs) => new() { MatchLabels = Labels(pairs) };

    [Fact]
    public void ReplicaSet_Row()
    {
        var rs = new V1ReplicaSet
        {
            Metadata = Meta("hello-868bcb8b84", SecondsAgo(72)),
            Spec = new V1ReplicaSetSpec { Replicas = 3, Selector = Selector("role=hello", "pod-template-hash=868bcb8b84"), Template = Template(("hello", "hello:1.0"), ("log", "fluent")) },
            Status = new V1ReplicaSetStatus { Replicas = 3, ReadyReplicas = 2 },
        };
        var printer = KubePrinters.For(rs);
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["integer", "integer", "integer"], printer.Columns.Skip(1).Take(3).Select(c => c.Type));
        Assert.Equal(["hello-868bcb8b84", "3", "3", "2", "72s", "hello,log", "hello:1.0,fluent", "pod-template-hash=868bcb8b84,role=hello"],
            printer.Cells(rs, Now));
    }

    [Fact]
    public void ReplicaSet_MissingReadyCountsAsZero()
    {
        var rs = new V1ReplicaSet { Metadata = Meta("r"), Spec = new V1ReplicaSetSpec { Replicas = 2 }, Status = new V1ReplicaSetStatus { Replicas = 0 } };
        Assert.Equal("0", Cell(rs, "Ready"));
        Assert.Equal("<none>", Cell(rs, "Selector"));
    }

    [Fact]
    public void Deployment_Row()
    {
        var deployment = new V1Deployment
        {
            Metadata = Meta("nginx-deployment", SecondsAgo(528)),
            Spec = new V1DeploymentSpec { Replicas = 3, Selector = Selector("app=nginx"), Template = Template(("nginx", "nginx:1.14.2")) },
            Status = new V1DeploymentStatus { ReadyReplicas = 2, UpdatedReplicas = 3, AvailableReplicas = 2 },
        };
        var printer = KubePrinters.For(deployment);
        Assert.Equal(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], printer.Columns.Select(c => c.Header));
        Assert.Equal("UpToDate", printer.Columns[2].Property);
        Assert.Equal("Up-to-date", printer.Columns[2].ServerName);
        Assert.Equal(["nginx-deployment", "2/3", "3", "2", "8m48s", "nginx", "nginx:1.14.2", "app=nginx"], printer.Cells(deployment, Now));
    }

    [Fact]
    public void Deployment_NoReadyReplicas_AndEmptySelectorIsBlank()
    {
        var deployment = new V1Deployment { Metadata = Meta("d"), Spec = new V1DeploymentSpec { Replicas = 4, Selector = new V1LabelSelector() }, Status = new V1DeploymentStatus() };
        Assert.Equal("0/4", Cell(deployment, "Ready"));
        Assert.Equal("0", Cell(deployment, "UpToDate"));
        Assert.Equal("", Cell(deployment, "Selector"));
    }

    [Fact]
    public void DaemonSet_Row_NodeSelectorBeforeAge()
    {
        var ds = new V1DaemonSet
        {
            Metadata = Meta("kube-proxy", HoursAgo(20)),
            Spec = new V1DaemonSetSpec
            {
                Selector = Selector("k8s-app=kube-proxy"),
                Template = new V1PodTemplateSpec { Spec = new V1PodSpec { NodeSelector = Labels("kubernetes.io/os=linux"), Containers = [new V1Container { Name = "kube-proxy", Image = "kube-proxy:v1.32.0" }] } },
            },
            Status = new V1DaemonSetStatus { DesiredNumberScheduled = 3, CurrentNumberScheduled = 3, NumberReady = 2, UpdatedNumberScheduled = 3, NumberAvailable = 2 },
        };
        var printer = KubePrinters.For(ds);
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal(["kube-proxy", "3", "3", "2", "3", "2", "kubernetes.io/os=linux", "20h", "kube-proxy", "kube-proxy:v1.32.0", "k8s-app=kube-proxy"],
            printer.Cells(ds, Now));
    }

    [Fact]
    public void StatefulSet_Row()
    {
        var sts = new V1StatefulSet
        {
            Metadata = Meta("my-csi-app-set", MinutesAgo(26)),
            Spec = new V1StatefulSetSpec { Replicas = 2, Template = Template(("my-frontend", "busybox")) },
            Status = new V1StatefulSetStatus { ReadyReplicas = 1 },
        };
        var printer = KubePrinters.For(sts);
        Assert.Equal(["NAME", "READY", "AGE", "CONTAINERS", "IMAGES"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["my-csi-app-set", "1/2", "26m", "my-frontend", "busybox"], printer.Cells(sts, Now));
    }

    [Theory]
    [InlineData(new[] { "Complete" }, false, "Complete")]
    [InlineData(new[] { "Failed" }, false, "Failed")]
    [InlineData(new[] { "Failed", "Complete" }, false, "Complete")]
    [InlineData(new string[0], true, "Terminating")]
    [InlineData(new[] { "Failed" }, true, "Failed")]
    [InlineData(new[] { "Suspended" }, false, "Suspended")]
    [InlineData(new[] { "Suspended" }, true, "Terminating")]
    [InlineData(new[] { "FailureTarget" }, false, "FailureTarget")]
    [InlineData(new[] { "Suspended", "FailureTarget" }, false, "Suspended")]
    [InlineData(new string[0], false, "Running")]
    public void Job_Status_FirstMatch(string[] trueConditions, bool deleting, string expected)
    {
        var job = new V1Job
        {
            Metadata = Meta("j"),
            Spec = new V1JobSpec(),
            Status = new V1JobStatus { Conditions = trueConditions.Select(t => new V1JobCondition { Type = t, Status = "True" }).Append(new V1JobCondition { Type = "Complete", Status = "False" }).ToList() },
        };
        if (deleting) job.Metadata.DeletionTimestamp = Now;
        Assert.Equal(expected, Cell(job, "Status"));
    }

    [Fact]
    public void Job_CompletionsAndDuration()
    {
        var job = new V1Job
        {
            Metadata = Meta("pi", MinutesAgo(5)),
            Spec = new V1JobSpec { Completions = 1, Template = Template(("pi", "perl:5.34")), Selector = Selector("batch.kubernetes.io/controller-uid=abc") },
            Status = new V1JobStatus { Succeeded = 1, StartTime = MinutesAgo(5), CompletionTime = MinutesAgo(5) + TimeSpan.FromSeconds(34), Conditions = [new V1JobCondition { Type = "Complete", Status = "True" }] },
        };
        var printer = KubePrinters.For(job);
        Assert.Equal(["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], printer.Columns.Select(c => c.Header));
        Assert.Equal(["pi", "Complete", "1/1", "34s", "5m", "pi", "perl:5.34", "batch.kubernetes.io/controller-uid=abc"], printer.Cells(job, Now));

        var running = new V1Job { Metadata = Meta("r"), Spec = new V1JobSpec { Parallelism = 3 }, Status = new V1JobStatus { Succeeded = 1, StartTime = SecondsAgo(150) } };
        Assert.Equal("1/1 of 3", Cell(running, "Completions"));
        Assert.Equal("2m30s", Cell(running, "Duration"));

        var unstarted = new V1Job { Metadata = Meta("u"), Spec = new V1JobSpec { Parallelism = 1 }, Status = new V1JobStatus() };
        Assert.Equal("0/1", Cell(unstarted, "Completions"));
        Assert.Equal("", Cell(unstarted, "Duration"));
    }

    [Fact]
    public void CronJob_Row()
    {
        var cron = new V1CronJob
        {
            Metadata = Meta("hello", HoursAgo(3)),
            Spec = new V1CronJobSpec
            {
                Schedule = "*/5 * * * *", Suspend = false,
                JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = Template(("hello", "busybox:1.28")) } },
            },
            Status = new V1CronJobStatus { Active = [new V1ObjectReference { Name = "hello-1" }], LastScheduleTime = SecondsAgo(65) },
        };
        var printer = KubePrinters.For(cron);
        Assert.Equal(["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
            printer.Columns.Select(c => c.Header));
        Assert.Equal(["hello", "*/5 * * * *", "<none>", "False", "1", "65s", "3h", "hello", "busybox:1.28", "<none>"], printer.Cells(cron, Now));

        cron.Spec.TimeZone = "Etc/UTC";
        cron.Spec.Suspend = null;
        cron.Status = new V1CronJobStatus();
        Assert.Equal("Etc/UTC", Cell(cron, "TimeZone"));
        Assert.Equal("<unset>", Cell(cron, "Suspend"));
        Assert.Equal("0", Cell(cron, "Active"));
        Assert.Equal("<none>", Cell(cron, "LastSchedule"));
    }

    [Fact]
    public void ControllerRevision_ControllerAsKindGroupName()
    {
        var revision = new V1ControllerRevision
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web-6d4b", CreationTimestamp = HoursAgo(1),
                OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "web", Controller = true }],
            },
            Revision = 2,
        };
        Assert.Equal(["web-6d4b", "statefulset.apps/web", "2", "60m"], KubePrinters.For(revision).Cells(revision, Now));
        revision.Metadata.OwnerReferences = null;
        Assert.Equal("<none>", Cell(revision, "Controller"));
    }
}
