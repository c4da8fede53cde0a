using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class HypervisorErrorsTests
{
    [Theory]
    [InlineData(HypervisorError.NotFound, CimStatus.NotFound)]
    [InlineData(HypervisorError.InvalidArgument, CimStatus.InvalidParameter)]
    [InlineData(HypervisorError.AlreadyExists, CimStatus.AlreadyExists)]
    [InlineData(HypervisorError.NotSupported, CimStatus.NotSupported)]
    [InlineData(HypervisorError.InvalidState, CimStatus.Failed)]
    [InlineData(HypervisorError.Failed, CimStatus.Failed)]
    [InlineData(HypervisorError.Unavailable, CimStatus.Failed)]
    public void Each_hypervisor_error_maps_onto_a_CIM_status_keeping_message_and_cause(HypervisorError error, CimStatus status)
    {
        var original = new HypervisorException(error, $"message for {error}");

        var mapped = original.ToCim();

        Assert.Equal(status, mapped.Status);
        Assert.Equal(error == HypervisorError.Unavailable, mapped.Unavailable);
        Assert.Equal(original.Message, mapped.Message);
        Assert.Same(original, mapped.InnerException);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_an_enumeration_surfaces_as_a_CIM_error()
    {
        var hv = new StubHypervisor(Model.Host);
        hv.Add("a", SystemState.Running, DateTimeOffset.UnixEpoch);
        var provider = new ComputerSystemProvider(Model.Instances(hv));
        var seen = new List<string>();

        var e = await Assert.ThrowsAsync<CimException>(async () =>
        {
            await foreach (var instance in provider.EnumerateInstancesAsync(provider.Classes[0], Model.Context))
            {
                seen.Add(instance.Text("Name"));
                hv.Failure = new HypervisorException(HypervisorError.Unavailable, "connection lost");
            }
        });

        Assert.True(e.Unavailable);
        Assert.Equal([Model.HostName], seen);
    }

    [Fact]
    public async Task An_unreachable_hypervisor_makes_every_provider_Get_fail_as_unavailable()
    {
        var hv = new StubHypervisor(Model.Host);
        var system = hv.Add("a", SystemState.Running, DateTimeOffset.UnixEpoch);
        hv.Failure = new HypervisorException(HypervisorError.Unavailable, "connection lost");

        var cs = await Assert.ThrowsAsync<CimException>(() => new ComputerSystemProvider(Model.Instances(hv))
            .GetInstanceAsync(Model.SystemPath(system.Id.ToString()), Model.Context).AsTask());
        var vssd = await Assert.ThrowsAsync<CimException>(() => Model.Settings(hv)
            .GetInstanceAsync(Model.Path("CIM_VirtualSystemSettingData", ("InstanceID", $"WsManSvp:{system.Id}")), Model.Context).AsTask());

        Assert.True(cs.Unavailable);
        Assert.True(vssd.Unavailable);
    }
}
