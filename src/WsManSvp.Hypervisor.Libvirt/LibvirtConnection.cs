using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// The one long-lived connection to libvirt, with its keepalive, close callback and domain event
/// registrations. Every call goes through <see cref="CallAsync{T}"/> onto the worker threads. When the
/// connection is lost (closed by libvirt, keepalive failure, a call failing as unavailable) it is marked
/// down at once, so calls fail fast with <see cref="HypervisorError.Unavailable"/> rather than hang, and a
/// background loop reconnects with doubling delays, registers again and queues a
/// <see cref="ObservationCause.Reconnected"/> observation so what changed meanwhile is announced.
/// </summary>
internal sealed class LibvirtConnection : ILibvirtCallbackTarget, IAsyncDisposable
{
    private readonly LibvirtOptions _options;
    private readonly ILibvirtConnector _connector;
    private readonly LibvirtWorkers _workers;
    private readonly ChannelWriter<Observation> _observations;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Session? _session;
    private string _downReason = "not connected yet";
    private Task _reconnecting = Task.CompletedTask;
    private bool _disposed;

    private LibvirtConnection(LibvirtOptions options, ILibvirtConnector connector, LibvirtWorkers workers,
        ChannelWriter<Observation> observations, ILogger log)
    {
        _options = options;
        _connector = connector;
        _workers = workers;
        _observations = observations;
        _log = log;
    }

    public string Uri => _options.Uri;

    /// <summary>Opens the connection; failing to reach libvirt at all is <see cref="HypervisorError.Unavailable"/>.</summary>
    public static async Task<LibvirtConnection> OpenAsync(LibvirtOptions options, ILibvirtConnector connector, LibvirtWorkers workers,
        ChannelWriter<Observation> observations, ILogger log, CancellationToken cancellationToken)
    {
        LibvirtEventLoop.EnsureStarted();
        var connection = new LibvirtConnection(options, connector, workers, observations, log);
        connection._session = await workers.RunAsync(connection.Connect, cancellationToken).ConfigureAwait(false);
        log.LogInformation("Connected to libvirt at {Uri}", options.Uri);
        return connection;
    }

    public bool IsUp => Volatile.Read(ref _session) is not null;

    /// <summary>Runs a call on a worker thread with the connection; fails fast while the connection is down.</summary>
    public Task<T> CallAsync<T>(Func<ConnectHandle, T> call, CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _session);
        if (session is null) return Task.FromException<T>(Unavailable(Volatile.Read(ref _downReason)));
        return _workers.RunAsync(() =>
        {
            try
            {
                return call(session.Handle);
            }
            catch (HypervisorException e) when (e.Error == HypervisorError.Unavailable)
            {
                Lost(session, e.Message);
                throw Unavailable(e.Message);
            }
            catch (ObjectDisposedException)
            {
                // The handle was closed under the call: the connection was lost meanwhile.
                throw Unavailable(Volatile.Read(ref _downReason));
            }
        }, cancellationToken);
    }

    /// <summary>Marks the connection lost and starts reconnecting (also what the close callback does).</summary>
    public void Drop(string reason)
    {
        if (Volatile.Read(ref _session) is { } session) Lost(session, reason);
    }

    /// <summary>Completes when no reconnect is under way (tests).</summary>
    public Task Reconnecting => _reconnecting;

    void ILibvirtCallbackTarget.OnDomainEvent(Guid id, int eventId, int @event, int detail) =>
        _observations.TryWrite(new Observation(ObservationCause.LibvirtEvent, id, $"event {eventId}/{@event}/{detail}"));

    void ILibvirtCallbackTarget.OnClosed(IntPtr connection, int reason)
    {
        if (Volatile.Read(ref _session) is { } session && session.Handle.DangerousGetHandle() == connection)
            Lost(session, $"libvirt closed the connection (reason {reason})");
    }

    public async ValueTask DisposeAsync()
    {
        Session? session;
        lock (_lock)
        {
            _disposed = true;
            session = _session;
            _session = null;
            _downReason = "the backend is closed";
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reconnecting.ConfigureAwait(false);
        if (session is not null) await _workers.RunAsync(() => Close(session), CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
    }

    private HypervisorException Unavailable(string reason) =>
        new(HypervisorError.Unavailable, $"libvirt at {_options.Uri} is unavailable: {reason}");

    private void Lost(Session session, string reason)
    {
        lock (_lock)
        {
            if (_session != session || _disposed) return;
            _session = null;
            _downReason = reason;
            _reconnecting = Task.Run(() => ReconnectAsync(session));
        }
        _log.LogWarning("Lost the connection to libvirt at {Uri}: {Reason}", _options.Uri, reason);
    }

    private async Task ReconnectAsync(Session lost)
    {
        await _workers.RunAsync(() => Close(lost), CancellationToken.None).ConfigureAwait(false);
        var delay = _options.ReconnectInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
                var session = await _workers.RunAsync(Connect, _stop.Token).ConfigureAwait(false);
                lock (_lock)
                {
                    if (!_disposed)
                    {
                        _session = session;
                        _log.LogInformation("Reconnected to libvirt at {Uri} after {Attempts} attempt(s)", _options.Uri, attempt);
                        _observations.TryWrite(new Observation(ObservationCause.Reconnected, Guid.Empty));
                        return;
                    }
                }
                await _workers.RunAsync(() => Close(session), CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HypervisorException e)
            {
                _log.LogWarning("Reconnecting to libvirt at {Uri} failed (attempt {Attempt}), next try in {Delay}: {Reason}",
                    _options.Uri, attempt, delay, e.Message);
                Volatile.Write(ref _downReason, e.Message);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <summary>Opens and registers a new session (on a worker).</summary>
    private unsafe Session Connect()
    {
        var handle = _connector.Open(_options.Uri);
        var session = new Session(handle);
        try
        {
            // Drivers without keepalive (test, local in-process ones) refuse it; they cannot lose the link either.
            if (Virt.ConnectSetKeepAlive(handle, Math.Max(1, (int)_options.KeepAliveInterval.TotalSeconds), (uint)_options.KeepAliveCount) < 0)
                Virt.ResetLastError();
            LibvirtErrors.Check(Virt.ConnectRegisterCloseCallback(handle, LibvirtCallbacks.Closed, LibvirtCallbacks.Opaque(this), LibvirtCallbacks.Free),
                "Registering for the connection's close");
            session.CloseRegistered = true;
            foreach (var (eventId, callback) in new[]
                     {
                         (Virt.EventIdLifecycle, LibvirtCallbacks.Lifecycle),
                         (Virt.EventIdDeviceAdded, LibvirtCallbacks.DeviceAdded),
                         (Virt.EventIdDeviceRemoved, LibvirtCallbacks.DeviceRemoved),
                     })
            {
                session.CallbackIds.Add(LibvirtErrors.Check(
                    Virt.ConnectDomainEventRegisterAny(handle, IntPtr.Zero, eventId, callback, LibvirtCallbacks.Opaque(this), LibvirtCallbacks.Free),
                    $"Registering for domain event {eventId}"));
            }
            return session;
        }
        catch (HypervisorException e)
        {
            Close(session);
            throw new HypervisorException(HypervisorError.Unavailable, e.Message, e);
        }
    }

    /// <summary>Deregisters and closes a session (on a worker); failures are moot on a lost connection.</summary>
    private static unsafe int Close(Session session)
    {
        foreach (var id in session.CallbackIds)
            if (Virt.ConnectDomainEventDeregisterAny(session.Handle, id) < 0) Virt.ResetLastError();
        if (session.CloseRegistered && Virt.ConnectUnregisterCloseCallback(session.Handle, LibvirtCallbacks.Closed) < 0) Virt.ResetLastError();
        session.Handle.Dispose();
        return 0;
    }

    private sealed class Session(ConnectHandle handle)
    {
        public ConnectHandle Handle { get; } = handle;
        public List<int> CallbackIds { get; } = [];
        public bool CloseRegistered { get; set; }
    }
}
