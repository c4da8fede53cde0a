namespace WsManSvp.Virtualization.Management;

/// <summary>
/// Serializes the read-modify-write of each system's definition, so two concurrent edits of one system do
/// not lose one another; edits of different systems rarely wait (one lock per stripe of systems).
/// </summary>
public sealed class SystemLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(Guid system, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(system.GetHashCode() & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
