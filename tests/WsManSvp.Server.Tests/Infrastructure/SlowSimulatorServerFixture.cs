using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// A server whose simulator takes <see cref="Latency"/> for every change (--sim-latency): long enough for a
/// job to be watched while it runs, and stopped mid-way. DefineSystem, synchronous, takes as long.
/// </summary>
public sealed class SlowSimulatorServerFixture : ServerFixture
{
    public static readonly TimeSpan Latency = TimeSpan.FromSeconds(1);

    protected override ServerSettings Settings() => base.Settings() with { SimulatorLatency = Latency };
}
