using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>A server whose idle enumeration contexts expire after one second.</summary>
public sealed class ShortLivedContextsServerFixture : ServerFixture
{
    public static readonly TimeSpan ContextLifetime = TimeSpan.FromSeconds(1);

    protected override ServerSettings Settings() => base.Settings() with { EnumerationContextLifetime = ContextLifetime };
}
