using System.Collections.Concurrent;
using System.Management.Automation;
using PracticeK8s.Engine.Http;
using PracticeK8s.Engine.Presentation.Views;

namespace PracticeK8s.Cmdlets;

/// <summary>
/// Runs a cmdlet's asynchronous body on the thread pool while every host interaction
/// (WriteObject, WriteError, WriteVerbose, WriteProgress, ShouldProcess) happens on the pipeline
/// thread: workers <see cref="Post"/> actions, the pipeline thread drains them. Ctrl+C
/// (StopProcessing) cancels the token handed to the body.
/// </summary>
public abstract partial class KubeAsyncCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private BlockingCollection<Action>? _queue;
    private int _pipelineThreadId;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken StopToken => _stop.Token;

    protected virtual Task BeginProcessingAsync(CancellationToken cancel) => Task.CompletedTask;
    protected virtual Task ProcessRecordAsync(CancellationToken cancel) => Task.CompletedTask;
    protected virtual Task EndProcessingAsync(CancellationToken cancel) => Task.CompletedTask;

    protected sealed override void BeginProcessing() => RunPumped(BeginProcessingAsync);
    protected sealed override void ProcessRecord() => RunPumped(ProcessRecordAsync);
    protected sealed override void EndProcessing() => RunPumped(EndProcessingAsync);

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Runs on the pipeline thread before each body: capture thread-bound state (the runspace) here.</summary>
    protected virtual void OnPipelineThread()
    {
    }

    /// <summary>Runs on the worker before each body: set state that flows with its async calls.</summary>
    protected virtual void OnWorker()
    {
    }

    /// <summary>Callable from any thread: the action runs later, on the pipeline thread.</summary>
    protected void Post(Action action)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThreadId)
        {
            action();
            return;
        }
        try { _queue?.Add(action); }
        catch (InvalidOperationException) { /* completed or disposed: the record is over */ }
    }

    /// <summary>
    /// Writes an object on the pipeline thread. API models go out as their pipeline view (see
    /// IApiObjectView); <paramref name="decorate"/> adds type names or notes to its PSObject there,
    /// where PowerShell's type data applies.
    /// </summary>
    protected void PostObject(object? value, Action<PSObject>? decorate = null) => Post(() =>
    {
        var output = ApiObjectViews.ForPipeline(value);
        if (decorate is not null && output is not null)
        {
            var ps = PSObject.AsPSObject(output);
            decorate(ps);
            output = ps;
        }
        WriteObject(output);
    });
    protected void PostError(ErrorRecord error) => Post(() => WriteError(error));
    protected void PostVerbose(string text) => Post(() => WriteVerbose(text));
    protected void PostWarning(string text) => Post(() => WriteWarning(text));
    protected void PostDebug(string text) => Post(() => WriteDebug(text));
    protected void PostProgress(ProgressRecord record) => Post(() => WriteProgress(record));

    /// <summary>A line for the user, shown like Write-Host (information stream, tag PSHOST): kubectl's stderr notices.</summary>
    protected void PostNotice(string text) =>
        Post(() => WriteInformation(new HostInformationMessage { Message = text }, ["PSHOST"]));

    private void RunPumped(Func<CancellationToken, Task> body)
    {
        _pipelineThreadId = Environment.CurrentManagedThreadId;
        OnPipelineThread();
        foreach (var warning in Session.SessionPortForwards.TakeEndWarnings(System.Management.Automation.Runspaces.Runspace.DefaultRunspace))
            WriteWarning(warning);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var queue = _queue = new BlockingCollection<Action>();
        Task work = Task.Run(async () =>
        {
            RequestLog.Verbose = PostVerbose;
            RequestLog.Debug = PostDebug;
            OnWorker();
            try { await body(run.Token).ConfigureAwait(false); }
            finally { queue.CompleteAdding(); }
        });
        try
        {
            // Exceptions thrown by the actions themselves (a terminating error, a stopped pipeline)
            // propagate untouched.
            foreach (Action action in queue.GetConsumingEnumerable())
                action();
            try
            {
                work.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The engine reports the stop itself.
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                // A failure that ends the whole command becomes a proper terminating error,
                // never a raw exception.
                ThrowTerminatingError(Engine.Errors.KubeErrors.ToErrorRecord(e, target: null));
            }
        }
        finally
        {
            run.Cancel();
            try { work.Wait(); } catch { /* already surfaced above, or a stop */ }
            _queue = null;
            queue.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
