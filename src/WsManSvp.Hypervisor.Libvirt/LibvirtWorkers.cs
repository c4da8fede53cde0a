using System.Collections.Concurrent;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// A few dedicated threads that make every libvirt call, fed by a blocking queue: libvirt blocks (an RPC
/// round trip, a managed save of seconds), and no request thread may block on it. A slow call holds one
/// thread; quick ones keep flowing through the others. The threads are dedicated, so they block in the
/// queue's take rather than through a task per wait.
/// </summary>
internal sealed class LibvirtWorkers : IDisposable
{
    public const string ThreadNamePrefix = "libvirt worker";

    private readonly BlockingCollection<Action> _queue = new(new ConcurrentQueue<Action>());
    private readonly Thread[] _threads;

    public LibvirtWorkers(int count)
    {
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"{ThreadNamePrefix} {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="call"/> on a worker; a call still queued when the token fires is not made.</summary>
    public Task<T> RunAsync<T>(Func<T> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool queued;
        try
        {
            queued = _queue.TryAdd(() =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    done.TrySetCanceled(cancellationToken);
                    return;
                }
                try { done.TrySetResult(call()); }
                catch (Exception e) { done.TrySetException(e); }
            });
        }
        catch (InvalidOperationException)
        {
            // Adding after Dispose completed the queue.
            queued = false;
        }
        if (!queued) done.TrySetException(new ObjectDisposedException(nameof(LibvirtWorkers), "The libvirt backend is closed."));
        return done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
            if (thread != Thread.CurrentThread) thread.Join();
    }

    private void Work()
    {
        foreach (var call in _queue.GetConsumingEnumerable()) call();
    }
}
