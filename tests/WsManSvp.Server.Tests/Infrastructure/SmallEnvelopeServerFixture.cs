using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>A server whose envelope limit is the smallest the command line allows (8 KiB), for size-limit tests.</summary>
public sealed class SmallEnvelopeServerFixture : ServerFixture
{
    public const int MaxEnvelopeSize = 8 * 1024;

    protected override ServerSettings Settings() => base.Settings() with { MaxEnvelopeSizeKb = MaxEnvelopeSize / 1024 };
}
