using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// A server whose simulator holds 10,000 systems beyond the four seeded ones (load00001…load10000), as
/// <c>--seed-systems 10000</c> makes it: the scale at which enumeration must stream.
/// </summary>
public sealed class TenThousandSystemsServerFixture : ServerFixture
{
    public const int ExtraSystems = 10_000;

    protected override ServerSettings Settings() => base.Settings() with { SeedSystems = ExtraSystems };
}
