using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// The DSP1042 use cases share one server: they only read, and each starts from what an earlier use case
/// found, so they see the simulator exactly as seeded.
/// </summary>
[CollectionDefinition(Name)]
public sealed class UseCaseCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "DSP1042 use cases";
}
