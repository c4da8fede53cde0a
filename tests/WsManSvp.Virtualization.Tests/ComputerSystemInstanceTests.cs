using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class ComputerSystemInstanceTests
{
    private static readonly DateTimeOffset Changed = new(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

    [Fact]
    public async Task The_host_is_named_after_its_host_name_identified_by_its_uuid_and_not_state_managed()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var host = (await Model.EnumerateAsync(provider))[0];

        Assert.Equal("CIM_ComputerSystem", host.Class.Name);
        Assert.Equal(CimNamespaces.Cimv2, host.Namespace);
        Assert.Equal("CIM_ComputerSystem", host.Text("CreationClassName"));
        Assert.Equal(Model.HostName, host.Text("Name"));
        Assert.Equal("Other", host.Text("NameFormat"));
        Assert.Equal(Model.HostName, host.Text("ElementName"));
        Assert.Equal(Model.Host.Uuid.ToString("D"), Assert.Single(host["OtherIdentifyingInfo"].AsArray().ToArray()).AsString());
        Assert.Equal("CIM:GUID", Assert.Single(host["IdentifyingDescriptions"].AsArray().ToArray()).AsString());
        Assert.Equal(2, host.Number("EnabledState"));
        Assert.Equal(12, host.Number("RequestedState"));
        Assert.Equal([2], host.Numbers("OperationalStatus"));
        Assert.Equal(5, host.Number("HealthState"));
        Assert.True(host["AvailableRequestedStates"].IsNull);
    }

    [Fact]
    public async Task A_virtual_system_is_named_by_its_uuid_and_shows_its_name_and_state()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));
        var web01 = (await hv.GetSystemAsync(Model.SeededId("web01"), CancellationToken.None))!;

        var vm = (await provider.GetInstanceAsync(Model.SystemPath(web01.Id.ToString("D")), Model.Context))!;

        Assert.Equal(web01.Id.ToString("D"), vm.Text("Name"));
        Assert.Equal("UUID", vm.Text("NameFormat"));
        Assert.Equal("web01", vm.Text("ElementName"));
        Assert.Equal("Simulated system web01", vm.Text("Description"));
        Assert.Equal(2, vm.Number("EnabledState"));
        Assert.Equal(12, vm.Number("RequestedState"));
        Assert.Equal(3, vm.Number("EnabledDefault"));
        Assert.Equal(CimDateTime.FromTimestamp(web01.TimeOfLastStateChange), vm["TimeOfLastStateChange"].AsDateTime());
        Assert.False(vm["TimeOfLastStateChange"].AsDateTime().IsInterval);
        var path = vm.GetPath();
        Assert.Equal(2, path.Keys.Count);
        Assert.Equal("CIM_ComputerSystem", path.GetKey("CreationClassName")!.Value.AsString());
        Assert.Equal(web01.Id.ToString("D"), path.GetKey("Name")!.Value.AsString());
    }

    [Theory]
    [InlineData(SystemState.Running, 2)]
    [InlineData(SystemState.Off, 3)]
    [InlineData(SystemState.Crashed, 3)]
    [InlineData(SystemState.ShuttingDown, 4)]
    [InlineData(SystemState.Saved, 6)]
    [InlineData(SystemState.Paused, 9)]
    [InlineData(SystemState.Starting, 10)]
    public async Task EnabledState_follows_DSP1057_for_every_system_state(SystemState state, int enabledState)
    {
        var hv = new StubHypervisor(Model.Host);
        var system = hv.Add("s", state, Changed);
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var vm = (await provider.GetInstanceAsync(Model.SystemPath(system.Id.ToString()), Model.Context))!;

        Assert.Equal(enabledState, vm.Number("EnabledState"));
        Assert.Equal(12, vm.Number("RequestedState"));
        Assert.Equal(CimDateTime.FromTimestamp(Changed), vm["TimeOfLastStateChange"].AsDateTime());
    }

    [Theory]
    [InlineData(SystemState.Running, new[] { 3, 4, 6, 9, 10, 11 })]
    [InlineData(SystemState.Off, new[] { 2 })]
    [InlineData(SystemState.Crashed, new[] { 2 })]
    [InlineData(SystemState.Paused, new[] { 2, 3, 6 })]
    [InlineData(SystemState.Saved, new[] { 2 })]
    [InlineData(SystemState.ShuttingDown, new[] { 3 })]
    [InlineData(SystemState.Starting, new[] { 3 })]
    public async Task AvailableRequestedStates_lists_what_RequestStateChange_accepts_from_each_state(SystemState state, int[] available)
    {
        var hv = new StubHypervisor(Model.Host);
        var system = hv.Add("s", state, Changed);
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var vm = (await provider.GetInstanceAsync(Model.SystemPath(system.Id.ToString()), Model.Context))!;

        Assert.Equal(available.Select(a => (long)a), vm.Numbers("AvailableRequestedStates"));
    }

    [Fact]
    public async Task A_crashed_system_reports_an_error_and_critical_health_others_ok()
    {
        var hv = new StubHypervisor(Model.Host);
        var crashed = hv.Add("c", SystemState.Crashed, Changed);
        var running = hv.Add("r", SystemState.Running, Changed);
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var c = (await provider.GetInstanceAsync(Model.SystemPath(crashed.Id.ToString()), Model.Context))!;
        var r = (await provider.GetInstanceAsync(Model.SystemPath(running.Id.ToString()), Model.Context))!;

        Assert.Equal([6L], c.Numbers("OperationalStatus"));
        Assert.Equal(25, c.Number("HealthState"));
        Assert.Equal([2L], r.Numbers("OperationalStatus"));
        Assert.Equal(5, r.Number("HealthState"));
    }

    [Fact]
    public async Task Enumeration_gives_the_host_first_then_every_system_in_uuid_order()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var names = (await Model.EnumerateAsync(provider)).Select(i => i.Text("Name")).ToList();

        string[] seeded = ["web01", "db01", "build01", "test01"];
        string[] expected = [Model.HostName, .. seeded.Select(Model.SeededId).Order().Select(id => id.ToString("D"))];
        Assert.Equal(expected, names);
    }
}
