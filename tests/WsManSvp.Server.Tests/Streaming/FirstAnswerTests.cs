using WsManSvp.Virtualization.Jobs;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Virtualization.Model;
using Xunit.Abstractions;

namespace WsManSvp.Server.Tests.Streaming;

/// <summary>
/// Enumerations over 10,000 systems answer before the last instance is built: the first Pull is served
/// having built a handful of instances, and an instance is built when its turn comes, not when the
/// enumeration is opened.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class FirstAnswerTests(TenThousandSystemsServerFixture server, ITestOutputHelper output)
{
    private const int FirstBatch = 10;

    private static readonly Lazy<CimClassRepository> Repository = new(CimClassRepository.LoadEmbedded);

    /// <summary>
    /// What the process allocates between Enumerate and the first Pull's reply of 10 items, against what building
    /// the 10,000 CIM_ComputerSystem instances costs on its own (the same builder the provider uses). Had the
    /// enumeration built everything before answering, the first reply would cost at least the latter; streamed,
    /// it costs the 11 instances read (one is read ahead) plus the requests and replies. The collection runs
    /// alone, so the allocations counted are this test's (client and server share the process).
    /// </summary>
    [Theory]
    [MemberData(nameof(StreamedEnumeration.Names), MemberType = typeof(StreamedEnumeration))]
    public async Task The_first_batch_is_answered_having_built_a_few_instances_not_ten_thousand(string name)
    {
        var enumeration = StreamedEnumeration.All[name];
        using var client = server.Client();
        await FirstBatchAsync(enumeration, client); // the code paths compiled and the connection open: neither is counted
        var buildAll = await BytesToBuildEveryVirtualSystemAsync();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await FirstBatchAsync(enumeration, client);
        var firstAnswer = GC.GetTotalAllocatedBytes(precise: true) - before;

        var report = $"{name}: Enumerate, the first Pull of {FirstBatch} and Release allocated {firstAnswer / 1024} KiB; building all " +
            $"{TenThousandSystemsServerFixture.ExtraSystems + 4} virtual system instances allocates {buildAll / 1024} KiB.";
        output.WriteLine(report);
        Assert.True(firstAnswer < buildAll / 10, report);
    }

    /// <summary>
    /// The traversal from the host reads each virtual system when it reaches it: a state change made after the
    /// first batch went out shows in the instance of the system that comes last. Had the instances been built
    /// before the first reply, that instance would show the old state.
    /// </summary>
    [Fact]
    public async Task An_association_traversal_builds_each_instance_when_it_is_pulled()
    {
        var enumeration = StreamedEnumeration.All[StreamedEnumeration.Associators];
        var hypervisor = server.Server.Hypervisor;
        VirtualSystem? last = null;
        await foreach (var system in hypervisor.ListSystemsAsync(CancellationToken.None)) last = system;
        Assert.NotNull(last);
        // A change of EnabledState and its undoing: running ↔ paused (2 ↔ 9), defined or saved → running (3 or 6 → 2).
        var (change, undo, changedState) = last.State switch
        {
            SystemState.Running => (StateTransition.Pause, StateTransition.Resume, "9"),
            SystemState.Paused => (StateTransition.Resume, StateTransition.Pause, "2"),
            SystemState.Off => (StateTransition.Start, StateTransition.PowerOff, "2"),
            SystemState.Saved => (StateTransition.Start, StateTransition.Save, "2"),
            var other => throw new InvalidOperationException($"{last.Definition.Name} is {other}."),
        };

        using var client = server.Client();
        var cursor = await enumeration.OpenAsync(client);
        cursor.Watch = last.Definition.Name;
        Assert.Equal(FirstBatch, await cursor.PullAsync(FirstBatch));
        Assert.Null(cursor.Watched);
        await hypervisor.ChangeStateAsync(last.Id, change, CancellationToken.None);
        try
        {
            while (!cursor.Ended) await cursor.PullAsync(100);
        }
        finally
        {
            await hypervisor.ChangeStateAsync(last.Id, undo, CancellationToken.None);
        }

        cursor.AssertComplete();
        Assert.NotNull(cursor.Watched);
        Assert.Equal(changedState, cursor.Watched.Prop("EnabledState"));
    }

    private static async Task FirstBatchAsync(StreamedEnumeration enumeration, WsManClient client)
    {
        var cursor = await enumeration.OpenAsync(client);
        Assert.Equal(FirstBatch, await cursor.PullAsync(FirstBatch));
        await cursor.ReleaseAsync();
    }

    /// <summary>Bytes allocated building the CIM instance of every virtual system, as the provider builds them.</summary>
    private async Task<long> BytesToBuildEveryVirtualSystemAsync()
    {
        var instances = new ModelInstances(Repository.Value, new ModelSource(server.Server.Hypervisor, JobEngine.InMemory()));
        var systems = new List<VirtualSystem>();
        await foreach (var system in server.Server.Hypervisor.ListSystemsAsync(CancellationToken.None)) systems.Add(system);
        Assert.Equal(TenThousandSystemsServerFixture.ExtraSystems + 4, systems.Count);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var system in systems) instances.VirtualSystemInstance(system);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
