using Microsoft.Extensions.Hosting;
using PracticeK8s.Sandbox.Runtime.Images;

namespace PracticeK8s.Sandbox.Networking.Ingress;

/// <summary>
/// Hands the cluster's ingress data plane to the built-in controller image for the life of the host.
/// Built-in images are process-wide singletons the runtime picks by image name and calls with an
/// <see cref="ImageContext"/> only; rather than make every image a service locator (an
/// IServiceProvider in ImageContext, built by the runtime), the one image that needs cluster state is
/// given exactly the one dependency it needs (one sandbox runs per process).
/// </summary>
public sealed class IngressImageBinding(IngressRouter router) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        IngressNginxImage.Instance.Attach(router);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        IngressNginxImage.Instance.Detach(router);
        return Task.CompletedTask;
    }
}
