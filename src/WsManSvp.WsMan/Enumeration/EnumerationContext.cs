using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Enumeration;

/// <summary>
/// An open enumeration (WS-Enumeration): its item source, who opened it, how its items look, and until
/// when it lives unless used. One Pull at a time goes through <see cref="Gate"/>.
/// </summary>
public sealed class EnumerationContext(IEnumerationSource source, string? owner, EnumerationMode mode, TimeSpan lifetime, DateTimeOffset now)
    : IAsyncDisposable
{
    public string Id { get; } = "uuid:" + Guid.NewGuid().ToString("D");
    public IEnumerationSource Source { get; } = source;
    public string? Owner { get; } = owner;
    public EnumerationMode Mode { get; } = mode;
    public TimeSpan Lifetime { get; } = lifetime;
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The source's current item has been read but not yet sent.</summary>
    public bool HasPending { get; set; }

    public DateTimeOffset ExpiresAt { get; private set; } = now + lifetime;

    public void Touch(DateTimeOffset now) => ExpiresAt = now + Lifetime;

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync().ConfigureAwait(false);
        Gate.Dispose();
    }
}
