using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// A server whose host has a 4,000-character name, so the host's instance (which holds it twice) is larger
/// than the smallest MaxEnvelopeSize a client may ask for (8192 octets).
/// </summary>
public sealed class LongHostNameServerFixture : ServerFixture
{
    public static readonly string LongHostName = "host-" + new string('x', 3995);

    protected override ServerSettings Settings() => base.Settings() with { HostName = LongHostName };
}
