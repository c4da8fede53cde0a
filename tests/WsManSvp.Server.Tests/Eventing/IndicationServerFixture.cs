using System.Security.Cryptography.X509Certificates;
using WsManSvp.Server.Hosting;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// The real server as the run command starts it (subscriptions served from the CIM indications), on the
/// simulator, with short delivery timings and a restart that keeps the data directory.
/// </summary>
public class IndicationServerFixture : ServerFixture
{
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
