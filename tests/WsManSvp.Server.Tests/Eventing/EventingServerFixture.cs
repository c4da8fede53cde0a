using System.Security.Cryptography.X509Certificates;
using WsManSvp.Server.Hosting;
using WsManSvp.WsMan.Eventing;

using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// The real server over HTTP with a <see cref="TestEventSource"/> in place of the CIM indications, short
/// delivery timings, and a restart that keeps the data directory.
/// </summary>
public sealed class EventingServerFixture : ServerFixture
{
    public TestEventSource Events { get; } = new();

    /// <summary>Roots trusted for HTTPS sinks (set before InitializeAsync).</summary>
    public X509Certificate2Collection? TrustedSinkRoots { get; init; }

    protected override ServerSettings Settings() => base.Settings() with
    {
        Eventing = new EventingOptions
        {
            MinHeartbeats = TimeSpan.FromMilliseconds(100),
            DeliveryTimeout = TimeSpan.FromSeconds(2),
            DefaultConnectionRetry = new ConnectionRetry(3, TimeSpan.FromMilliseconds(100)),
            SweepPeriod = TimeSpan.FromMilliseconds(200),
            TrustedSinkRoots = TrustedSinkRoots,
        },
    };

    protected override async Task<WsManServer> StartServerAsync(ServerSettings settings)
    {
        var server = await WsManServer.StartAsync(settings, Events);
        await WaitUntilAsync(() => Events.Watchers == 1);
        return server;
    }

    /// <summary>Stops the server and starts it again on the same data directory (a new port).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        await InitializeAsync();
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException("The condition did not hold within " + seconds + " s.");
            await Task.Delay(20);
        }
    }
}
