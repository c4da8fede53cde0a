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
    public async Task An_optimized_Enumerate_that_times_out_leaves_no_context_behind()
    {
        _service.Hypervisor.Delay = SlowHypervisor;

        var (reply, _) = await TimedAsync(Request.OptimizedEnumerate(10).WithOperationTimeout("PT0.2S"));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.Equal(0, _service.Contexts.Count);
    }
}
