using EventLatency;
using WsManSvp.Server.Authentication;
using WsManSvp.Server.Hosting;
using WsManSvp.WsMan.Eventing;

// The bench of bench/event-latency.sh: from a backend event to the subscriber having it. Starts the real server in
// this process (simulator backend, a temporary data directory and user) and an event sink on loopback, then
// measures, after a warm-up, the latency of Push, Events and Pull delivery for one subscriber, and the fan-out of
// one event to --subscribers Push subscriptions. Writes the Markdown tables to --table.
//
// Usage: EventLatency --table FILE [--events N] [--warmup N] [--subscribers N] [--rounds N] [--quick]
// Exit status 1 when a check fails (a reply not 200, a missing or unexpected delivery), 2 on wrong arguments.

var options = Options.Parse(args);
if (options is null) return 2;

var work = Directory.CreateTempSubdirectory("event-latency.");
try
{
    const string user = "bench";
    var password = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
    var data = Path.Combine(work.FullName, "data");
    Directory.CreateDirectory(data);
    using (var users = new UserFile(data, watch: false)) users.Set(user, password);

    await using var sink = await EventSink.StartAsync();
    await using var server = await WsManServer.StartAsync(new ServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        DataDirectory = data,
        HostName = "host1",
        // Room for the fan-out's subscriptions (and the latency ones) from the one bench user.
        Eventing = new EventingOptions { MaxSubscriptions = options.Subscribers + 16, MaxSubscriptionsPerUser = options.Subscribers + 16 },
    });
    using var calls = new WsManCalls(server.Endpoints[0], user, password);
    var toggle = await SystemToggle.OfRunningSystemAsync(server.Hypervisor);
    Console.Error.WriteLine($"EventLatency: server at {server.Endpoints[0]}, sink at {sink.Url}");

    var latency = new LatencyBench(toggle, calls, sink, options);
    ModeLatency[] modes =
    [
        await latency.PushedAsync("Push", WsManCalls.PushMode),
        await latency.PushedAsync("Events (MaxElements 16, no MaxTime)", WsManCalls.EventsMode),
        await latency.PullAsync("Pull (a Pull waiting)"),
    ];
    var fanOut = await new FanOutBench(toggle, calls, sink, options).RunAsync();
    if (sink.Errors > 0) throw new BenchException($"The sink could not read {sink.Errors} messages");

    var tables = Report.Tables(modes, fanOut, options.Quick);
    await File.WriteAllTextAsync(options.Table, tables);
    Console.Write(tables);
    return 0;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"EventLatency: {e.Message}");
    return 1;
}
finally
{
    work.Delete(recursive: true);
}
