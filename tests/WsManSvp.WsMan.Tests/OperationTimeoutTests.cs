using System.Diagnostics;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class OperationTimeoutTests : IAsyncLifetime
{
    // Far longer than any timeout below: a reply that arrives before it did not wait for the hypervisor.
    private static readonly TimeSpan SlowHypervisor = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10);

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static Request HostGet => Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName));

    private async Task<(Reply Reply, TimeSpan Elapsed)> TimedAsync(Request request)
    {
        var clock = Stopwatch.StartNew();
        var reply = await _service.SendAsync(request);
        return (reply, clock.Elapsed);
    }

    [Fact]
    public async Task A_Get_slower_than_its_OperationTimeout_is_TimedOut()
    {
        _service.Hypervisor.Delay = SlowHypervisor;

        var (reply, elapsed) = await TimedAsync(HostGet.WithOperationTimeout("PT0.2S"));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.Equal(Ns.WsManFaultAction, reply.Action);
        Assert.Contains("0.2 s", reply.Reason);
        Assert.True(elapsed < Promptly, $"The fault took {elapsed}.");
    }

    [Fact]
    public async Task Without_an_OperationTimeout_the_service_maximum_applies()
    {
        _service.Options.MaxOperationTimeout = TimeSpan.FromMilliseconds(200);
        _service.Hypervisor.Delay = SlowHypervisor;

        var (reply, elapsed) = await TimedAsync(HostGet);

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.True(elapsed < Promptly, $"The fault took {elapsed}.");
    }

    [Fact]
    public async Task An_OperationTimeout_above_the_service_maximum_is_capped()
    {
        _service.Options.MaxOperationTimeout = TimeSpan.FromMilliseconds(200);
        _service.Hypervisor.Delay = SlowHypervisor;

        var (reply, elapsed) = await TimedAsync(HostGet.WithOperationTimeout("PT3600S"));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.True(elapsed < Promptly, $"The fault took {elapsed}.");
    }

    [Fact]
    public async Task An_operation_within_its_OperationTimeout_completes()
    {
        _service.Hypervisor.Delay = TimeSpan.FromMilliseconds(50);

        var (reply, _) = await TimedAsync(HostGet.WithOperationTimeout("PT30S"));

        reply.AssertOk();
    }

    [Fact]
    public async Task A_Pull_slower_than_its_OperationTimeout_is_TimedOut()
    {
        var context = await _service.OpenAsync();
        _service.Hypervisor.Delay = SlowHypervisor;

        var (reply, elapsed) = await TimedAsync(Request.PullOf(context).WithOperationTimeout("PT0.2S"));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.True(elapsed < Promptly, $"The fault took {elapsed}.");
    }

    [Fact]
    public async Task A_Pull_that_times_out_keeps_its_context_and_the_read_under_way()
    {
        var context = await _service.OpenAsync();
        _service.Hypervisor.Delay = TimeSpan.FromMilliseconds(600);
        (await _service.SendAsync(Request.PullOf(context, maxElements: 100).WithOperationTimeout("PT0.2S")))
            .AssertFault("s:Receiver", "wsman:TimedOut");

        _service.Hypervisor.Delay = TimeSpan.Zero;
        var batches = await _service.PullAllAsync(context, c => Request.PullOf(c, maxElements: 100));

        var names = batches.SelectMany(b => b.Items).Names().ToList();
        Assert.Equal(5, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_Pull_whose_deadline_comes_with_items_in_hand_returns_them_and_the_rest_follows()
    {
        var context = await _service.OpenAsync();
        // Each item takes a second: by the deadline at 2.5 s one or two are read and the next is under way,
        // with a second and more of slack for a busy machine.
        _service.Hypervisor.Delay = TimeSpan.FromSeconds(1);

        var first = Batch.FromPull(await _service.SendAsync(Request.PullOf(context, maxElements: 100).WithOperationTimeout("PT2.5S")));

        Assert.InRange(first.Items.Count, 1, 4);
        Assert.False(first.EndOfSequence);
        _service.Hypervisor.Delay = TimeSpan.Zero;
        var rest = await _service.PullAllAsync(first.ContextId!, c => Request.PullOf(c, maxElements: 100));
        var names = first.Items.Concat(rest.SelectMany(b => b.Items)).Names().ToList();
        Assert.Equal(5, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task An_optimized_Enumerate_that_times_out_leaves_no_context_behind()
    {
        _service.Hypervisor.Delay = SlowHypervisor;

        var (reply, _) = await TimedAsync(Request.OptimizedEnumerate(10).WithOperationTimeout("PT0.2S"));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.Equal(0, _service.Contexts.Count);
    }
}
