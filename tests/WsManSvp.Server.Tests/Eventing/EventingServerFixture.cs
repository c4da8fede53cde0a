using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// The real server over HTTP with a <see cref="TestEventSource"/> in place of the CIM indications, short
/// delivery timings, and a restart that keeps the data directory.
/// </summary>
public sealed class EventingServerFixture : IndicationServerFixture
{
    public TestEventSource Events { get; } = new();

    protected override async Task<WsManServer> StartServerAsync(ServerSettings settings)
    {
        var server = await WsManServer.StartAsync(settings, Events);
        await WaitUntilAsync(() => Events.Watchers == 1);
        return server;
    }
}
