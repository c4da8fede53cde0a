using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The host and the virtual systems as the seeded simulator serves them (docs/MODEL.md: classes, state, seed).</summary>
public sealed class ComputerSystemModelTests
{
    [Fact]
    public async Task The_host_and_the_four_seeded_systems_are_served_named_by_host_name_and_uuid()
    {
        await using var model = await ServedModel.SeededAsync();

        var systems = await model.InstancesAsync("CIM_ComputerSystem");

        Assert.Equal([Model.HostName, .. new[] { "web01", "db01", "build01", "test01" }.Select(ServedModel.SystemName).Order()],
            systems.Select(s => s.Text("Name")));
        Assert.All(systems, s => Assert.Equal("CIM_ComputerSystem", s.Text("CreationClassName")));
        Assert.Equal(["Other", "UUID", "UUID", "UUID", "UUID"], systems.Select(s => s.Text("NameFormat")));
        Assert.Equal(Model.HostName, systems[0].Text("ElementName"));
        Assert.All(["web01", "db01", "build01", "test01"], name =>
            Assert.Equal(name, systems.Single(s => s.Text("Name") == ServedModel.SystemName(name)).Text("ElementName")));
    }

    [Theory]
    [InlineData("web01", 2, new[] { 3, 4, 6, 9, 10, 11 })]
    [InlineData("db01", 3, new[] { 2 })]
    [InlineData("build01", 9, new[] { 2, 3, 6 })]
    [InlineData("test01", 6, new[] { 2 })]
    public async Task Each_seeded_system_shows_its_state_as_the_state_table_says(string name, int enabledState, int[] available)
    {
        await using var model = await ServedModel.SeededAsync();

        var system = (await model.GetAsync(ServedModel.VirtualSystemPath(name)))!;

        Assert.Equal(name, system.Text("ElementName"));
        Assert.Equal($"Simulated system {name}", system.Text("Description"));
        Assert.Equal(enabledState, system.Number("EnabledState"));
        Assert.Equal(available.Select(a => (long)a), system.Numbers("AvailableRequestedStates"));
        Assert.Equal(12, system.Number("RequestedState"));
        Assert.Equal([2], system.Numbers("OperationalStatus"));
        Assert.Equal(5, system.Number("HealthState"));
    }

    [Fact]
    public async Task A_state_change_shows_at_once()
    {
        await using var model = await ServedModel.SeededAsync();

        await model.ChangeAsync("db01", StateTransition.Start);
        await model.ChangeAsync("web01", StateTransition.Save);

        Assert.Equal(2, (await model.GetAsync(ServedModel.VirtualSystemPath("db01")))!.Number("EnabledState"));
        Assert.Equal(6, (await model.GetAsync(ServedModel.VirtualSystemPath("web01")))!.Number("EnabledState"));
    }

    [Fact]
    public async Task The_host_hosts_each_virtual_system_and_nothing_hosts_the_host()
    {
        await using var model = await ServedModel.SeededAsync(extraSystems: 3);

        var hosted = await model.AssociatorsAsync(ServedModel.HostPath, "CIM_HostedDependency", "CIM_ComputerSystem");
        var links = await model.ReferencesAsync(ServedModel.VirtualSystemPath("db01"), "CIM_HostedDependency");

        Assert.Equal(7, hosted.Count);
        Assert.Equal(
            new[] { "web01", "db01", "build01", "test01", "load00001", "load00002", "load00003" }.Select(ServedModel.SystemName).Order(),
            hosted.Select(s => s.Text("Name")).Order());
        var link = Assert.Single(links);
        Assert.Equal("CIM_HostedDependency", link.Class.Name);
        Assert.Equal(ServedModel.HostPath, link.Ref("Antecedent"));
        Assert.Equal(ServedModel.VirtualSystemPath("db01"), link.Ref("Dependent"));
        Assert.Empty(await model.ReferencesAsync(ServedModel.HostPath, "CIM_HostedDependency", "Dependent"));
    }
}
