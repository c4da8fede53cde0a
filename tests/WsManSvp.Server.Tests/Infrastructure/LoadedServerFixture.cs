using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>A server whose simulator holds 2,000 systems beyond the four seeded ones (load00001…load02000).</summary>
public sealed class LoadedServerFixture : ServerFixture
{
    public const int ExtraSystems = 2000;

    protected override ServerSettings Settings() => base.Settings() with { SeedSystems = ExtraSystems };
}
