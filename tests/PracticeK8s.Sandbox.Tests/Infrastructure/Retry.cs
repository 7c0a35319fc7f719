using System.Net;
using k8s.Autorest;

namespace PracticeK8s.Sandbox.Tests.Infrastructure;

/// <summary>Read-modify-write against a live cluster: controllers write too, so a 409 Conflict means "read again and retry".</summary>
public static class Retry
{
    public static async Task<T> OnConflict<T>(Func<Task<T>> attempt, int times = 10)
    {
        for (int i = 1; ; i++)
        {
            try { return await attempt(); }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && i < times)
            {
                await Task.Delay(50 * i);
            }
        }
    }
}
