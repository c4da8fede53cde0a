using System.Threading.Channels;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// A few dedicated threads that make every libvirt call, fed by a channel: libvirt blocks (an RPC round
/// trip, a managed save of seconds), and no request thread may block on it. A slow call holds one thread;
/// quick ones keep flowing through the others.
/// </summary>
internal sealed class LibvirtWorkers : IDisposable
{
    public const string ThreadNamePrefix = "libvirt worker";

    private readonly Channel<Action> _queue = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleWriter = false });
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
        var queued = _queue.Writer.TryWrite(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
            }
            try { done.TrySetResult(call()); }
            catch (Exception e) { done.TrySetException(e); }
        });
        if (!queued) done.TrySetException(new ObjectDisposedException(nameof(LibvirtWorkers), "The libvirt backend is closed."));
        return done.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        foreach (var thread in _threads)
            if (thread != Thread.CurrentThread) thread.Join();
    }

    private void Work()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            while (reader.TryRead(out var call)) call();
    }
}
