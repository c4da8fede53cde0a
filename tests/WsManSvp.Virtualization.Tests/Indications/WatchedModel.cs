using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;
using WsManSvp.Virtualization.Indications;

namespace WsManSvp.Virtualization.Tests.Indications;

/// <summary>A served model over the seeded simulator with its indication source started and one watcher on the bus.</summary>
public sealed class WatchedModel : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<PublishedIndication> _watcher;
    private ValueTask<bool> _next;
    private long _lastSequenceNumber;

    private WatchedModel(ServedModel model, IndicationBus bus, ModelIndicationSource source)
    {
        Model = model;
        Bus = bus;
        Source = source;
        _watcher = bus.WatchAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
        _next = _watcher.MoveNextAsync();
    }

    public ServedModel Model { get; }

    public IndicationBus Bus { get; }

    public ModelIndicationSource Source { get; }

    public static async Task<WatchedModel> StartAsync()
    {
        var model = await ServedModel.SeededAsync();
        var bus = new IndicationBus();
        return new WatchedModel(model, bus, await ModelIndicationSource.StartAsync(model.Instances, bus));
    }

    /// <summary>The next indications, until <paramref name="done"/> holds of those taken; each follows the one before it.</summary>
    public async Task<List<CimInstance>> TakeUntilAsync(Func<IReadOnlyList<CimInstance>, bool> done)
    {
        var taken = new List<CimInstance>();
        using var timeout = new CancellationTokenSource(Wait);
        while (!done(taken))
        {
            Assert.True(await _next.AsTask().WaitAsync(timeout.Token), "the watch ended");
            var published = _watcher.Current;
            Assert.Equal(_lastSequenceNumber + 1, published.SequenceNumber);
            _lastSequenceNumber = published.SequenceNumber;
            taken.Add(published.Indication);
            _next = _watcher.MoveNextAsync();
        }
        return taken;
    }

    public Task<List<CimInstance>> TakeAsync(int count) => TakeUntilAsync(taken => taken.Count == count);

    /// <summary>Asserts that nothing more is published for a while.</summary>
    public async Task AssertQuietAsync()
    {
        var next = _next.AsTask();
        Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(300)));
        _next = new ValueTask<bool>(next);
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await _stop.CancelAsync();
        try { await _next; } catch (OperationCanceledException) { }
        await _watcher.DisposeAsync();
        _stop.Dispose();
        await Model.DisposeAsync();
    }
}

/// <summary>Short descriptions of indications for assertions: "Creation CIM_ComputerSystem".</summary>
public static class IndicationText
{
    public static string Kind(this CimInstance indication) => indication.Class.Name.Replace("CIM_Inst", "", StringComparison.Ordinal);

    public static CimInstance Source(this CimInstance indication) => indication["SourceInstance"].AsInstance();

    public static CimInstance Previous(this CimInstance indication) => indication["PreviousInstance"].AsInstance();

    public static string Describe(this CimInstance indication) => $"{indication.Kind()} {indication.Source().Class.Name}";

    /// <summary>Kind, class and the source's InstanceID (or Name for systems) after its system's UUID.</summary>
    public static string Id(this CimInstance indication)
    {
        var source = indication.Source();
        var id = source.Class.GetProperty("InstanceID") is { } p && !source[p].IsNull ? source[p].AsString() : source["Name"].AsString();
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var local = colon < 0 ? id : id[(colon + 1)..];
        var afterUuid = local.Length > 36 && Guid.TryParse(local[..36], out _) ? local[36..] : local.Length == 36 && Guid.TryParse(local, out _) ? "" : local;
        return $"{indication.Kind()} {source.Class.Name}{(afterUuid.Length > 0 ? " " + afterUuid : "")}";
    }
}
