using System.Text;
using WsManSvp.Cim.Providers;
using WsManSvp.Storage;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Enumeration;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>
/// The processor with the eventing machinery over a <see cref="FakeEventService"/> and a state database in a
/// directory of its own; <see cref="RestartAsync"/> closes and reopens both, as a service restart does.
/// Deliveries go through <see cref="Sink"/> (no network).
/// </summary>
public sealed class EventingHost : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wsmansvp-eventing-" + Guid.NewGuid().ToString("N"));
    private readonly EnumerationContextStore _contexts;
    private readonly TimeProvider _time;
    private StateDatabase _database = null!;
    private WsManProcessor _processor = null!;

    private EventingHost(EventingOptions options, TimeProvider time)
    {
        Options = options;
        _time = time;
        _contexts = new EnumerationContextStore(new WsManOptions(), time);
    }

    public FakeEventService Events { get; } = new();
    public FakeSink Sink { get; } = new();
    public EventingOptions Options { get; }
    public EventingService Eventing { get; private set; } = null!;

    public static async Task<EventingHost> StartAsync(EventingOptions? options = null, TimeProvider? time = null)
    {
        var host = new EventingHost(options ?? new EventingOptions(), time ?? TimeProvider.System);
        await host.OpenAsync();
        return host;
    }

    private async Task OpenAsync()
    {
        _database = StateDatabase.Open(_directory);
        Eventing = await EventingService.OpenAsync(Events, _database, Options, _time, new CapturingLogger<EventingService>(), Sink);
        var cim = new CimOperations(FakeProviderService.Repository, Array.Empty<ICimProvider>(), ["root/cimv2"]);
        _processor = new WsManProcessor(new CimResourceService(cim), _contexts, new WsManOptions(), _time, new CapturingLogger<WsManProcessor>(), Eventing);
        await WaitUntilAsync(() => Events.Watchers == 1);
    }

    /// <param name="whileDown">What happens while the service is down (the clock moves on).</param>
    public async Task RestartAsync(Action? whileDown = null)
    {
        await Eventing.DisposeAsync();
        await _database.DisposeAsync();
        whileDown?.Invoke();
        await OpenAsync();
    }

    public Task<Reply> SendAsync(Request request, Caller? caller = null) => SendAsync(request.Build(), caller);

    public async Task<Reply> SendAsync(string envelope, Caller? caller = null)
    {
        using var response = await _processor.ProcessAsync(Encoding.UTF8.GetBytes(envelope), caller ?? TestService.Alice, CancellationToken.None);
        return new Reply(response);
    }

    /// <summary>Publishes and waits until the event is in the logs of every subscription it matches.</summary>
    public async Task PublishAsync(params string[] texts)
    {
        var before = Eventing.Store.All.ToDictionary(s => s, s => s.Logged);
        foreach (var t in texts) Events.Publish(t);
        bool Matches(ActiveSubscription s, string text) => s.Filter.Dialect != FakeEventService.ContainsDialect || text.Contains(s.Filter.Text!);
        await WaitUntilAsync(() => before.Keys.All(s => s.Ended.IsCancellationRequested || s.Logged >= before[s] + texts.Count(t => Matches(s, t))));
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException("The condition did not hold within " + seconds + " s.");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Eventing.DisposeAsync();
        await _contexts.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_directory, true); }
        catch (IOException) { } // a file still held open on a slow machine: the temp directory is cleaned later
    }
}
