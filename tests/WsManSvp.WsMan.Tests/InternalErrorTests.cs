using WsManSvp.Hypervisor;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class InternalErrorTests : IAsyncLifetime
{
    private const string Secret = "secret-connection-string=hunter2";

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static void AssertNothingLeaks(Reply reply)
    {
        Assert.DoesNotContain(Secret, reply.Text);
        Assert.DoesNotContain("InvalidOperationException", reply.Text);
        Assert.DoesNotContain(" at WsManSvp.", reply.Text);
        Assert.DoesNotContain(".cs:line", reply.Text);
    }

    [Fact]
    public async Task An_unexpected_exception_is_an_InternalError_that_shows_no_internals_and_names_the_logged_incident()
    {
        _service.Hypervisor.Failure = new InvalidOperationException(Secret);

        var reply = await _service.SendAsync(Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName)));

        reply.AssertFault("s:Receiver", "wsman:InternalError");
        Assert.Equal(Ns.WsManFaultAction, reply.Action);
        AssertNothingLeaks(reply);
        var logged = Assert.Single(_service.Log.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, logged.Level);
        Assert.Same(_service.Hypervisor.Failure, logged.Exception);
        var incident = System.Text.RegularExpressions.Regex.Match(reply.Reason!, @"incident (\w+)").Groups[1].Value;
        Assert.NotEmpty(incident);
        Assert.Contains(incident, logged.Message);
    }

    [Fact]
    public async Task An_unexpected_exception_during_a_Pull_is_an_InternalError_and_ends_the_enumeration()
    {
        var context = await _service.OpenAsync();
        _service.Hypervisor.Failure = new InvalidOperationException(Secret);

        var reply = await _service.SendAsync(Request.PullOf(context));

        reply.AssertFault("s:Receiver", "wsman:InternalError");
        AssertNothingLeaks(reply);
        Assert.Equal(0, _service.Contexts.Count);
    }

    [Fact]
    public async Task An_unexpected_exception_in_an_optimized_Enumerate_leaves_no_context_behind()
    {
        _service.Hypervisor.Failure = new InvalidOperationException(Secret);

        var reply = await _service.SendAsync(Request.OptimizedEnumerate(5));

        reply.AssertFault("s:Receiver", "wsman:InternalError");
        AssertNothingLeaks(reply);
        Assert.Equal(0, _service.Contexts.Count);
    }

    [Fact]
    public async Task A_hypervisor_that_cannot_be_reached_is_EndpointUnavailable_not_an_internal_error()
    {
        _service.Hypervisor.Failure = new HypervisorException(HypervisorError.Unavailable, "libvirt connection lost");

        var reply = await _service.SendAsync(Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName)));

        reply.AssertFault("s:Receiver", "wsa:EndpointUnavailable");
        Assert.Equal(Ns.AddressingFaultAction, reply.Action);
        Assert.Empty(_service.Log.Entries);
    }
}
