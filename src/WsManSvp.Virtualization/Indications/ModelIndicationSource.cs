using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Indications;

/// <summary>
/// Turns what changes in the model into instance indications on the bus, never by polling: the hypervisor's
/// events (virtual systems defined, undefined, changing state or configuration: their CIM_ComputerSystem, VSSDs
/// and RASDs compared before and after), the job engine's changes (CIM_ConcreteJob), and the snapshots the
/// service takes and deletes (their VSSDs and RASDs). Each source's indications are published in its order.
/// </summary>
public sealed class ModelIndicationSource : IAsyncDisposable
{
    private readonly ModelInstances _instances;
    private readonly IndicationBus _bus;
    private readonly InstanceIndications _indications;
    private readonly HostInfo _host;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    private ModelIndicationSource(ModelInstances instances, IndicationBus bus, HostInfo host, ILogger logger)
    {
        _instances = instances;
        _bus = bus;
        _host = host;
        _logger = logger;
        _indications = new InstanceIndications(instances.Repository, host.HostName);
    }

    /// <summary>Starts watching; every change made after this returns is published.</summary>
    public static async Task<ModelIndicationSource> StartAsync(ModelInstances instances, IndicationBus bus, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        var host = await instances.Source.HostAsync(new CimCallContext(null, cancellationToken)).ConfigureAwait(false);
        var source = new ModelIndicationSource(instances, bus, host, logger ?? NullLogger.Instance);
        source.Start();
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        _instances.Source.Jobs.Changed -= OnJobChanged;
        _instances.Source.SnapshotChanges.Changed -= OnSnapshotChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Start()
    {
        var events = _instances.Source.Hypervisor.WatchEventsAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
        // The watch begins in the first MoveNextAsync, which is called here so that no event after Start is missed.
        var first = events.MoveNextAsync();
        _pump = PumpAsync(events, first);
        _instances.Source.Jobs.Changed += OnJobChanged;
        _instances.Source.SnapshotChanges.Changed += OnSnapshotChanged;
    }

    private async Task PumpAsync(IAsyncEnumerator<HypervisorEvent> events, ValueTask<bool> first)
    {
        try
        {
            for (var next = first; await next.ConfigureAwait(false); next = events.MoveNextAsync())
                Publish(events.Current);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Publish(HypervisorEvent e)
    {
        try
        {
            var before = SystemInstances.Of(e.Previous, _instances, _host);
            var after = SystemInstances.Of(e.Current, _instances, _host);
            foreach (var indication in InstanceChanges.Between(before, after, _indications, e.Time)) _bus.Publish(indication);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "No indications for the {Kind} event of system {SystemId}.", e.Kind, e.SystemId);
        }
    }

    private void OnJobChanged(JobChange change)
    {
        try
        {
            var time = _instances.Source.Jobs.Now;
            // Both instances are built at once, so a job's ElapsedTime differs between them only when the job changed.
            var previous = change.Previous is { } p ? _instances.JobInstance(p) : null;
            var current = change.Current is { } c ? _instances.JobInstance(c) : null;
            var indication = (previous, current) switch
            {
                (null, { } created) => _indications.Creation(created, time),
                ({ } deleted, null) => _indications.Deletion(deleted, time),
                ({ } was, { } now) when !was.HasSameValues(now) => _indications.Modification(was, now, time),
                _ => null,
            };
            if (indication is not null) _bus.Publish(indication);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "No indication for a change of job {JobId}.", (change.Current ?? change.Previous)?.Id);
        }
    }

    private void OnSnapshotChanged(SnapshotChange change)
    {
        try
        {
            var instances = SystemInstances.OfConfiguration(SystemConfiguration.OfSnapshot(change.System, change.Snapshot), _instances, _host).ToList();
            var time = change.Created ? change.Snapshot.CreationTime : _instances.Source.Jobs.Now;
            var indications = change.Created
                ? InstanceChanges.Between([], instances, _indications, time)
                : InstanceChanges.Between(instances, [], _indications, time);
            foreach (var indication in indications) _bus.Publish(indication);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "No indications for snapshot {Snapshot} of system {SystemId}.", change.Snapshot.Name, change.System.Id);
        }
    }
}
