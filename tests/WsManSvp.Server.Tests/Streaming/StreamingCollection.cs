using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Streaming;

/// <summary>
/// The streaming tests share one server with 10,000 extra systems and run alone (after the parallel
/// collections, none beside them): they measure the process's managed heap and allocations, which
/// other tests running at the same time would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StreamingCollection : ICollectionFixture<TenThousandSystemsServerFixture>
{
    public const string Name = "Streaming over 10,000 systems";
}
