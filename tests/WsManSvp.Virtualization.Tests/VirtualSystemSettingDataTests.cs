using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class VirtualSystemSettingDataTests
{
    private const string ClassName = "CIM_VirtualSystemSettingData";

    [Fact]
    public async Task Each_system_has_its_defined_configuration_and_while_active_its_state_configuration()
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Settings(hv);

        var all = await Model.EnumerateAsync(provider);

        string[] seeded = ["web01", "db01", "build01", "test01"];
        var defined = all.Where(i => !i.Text("InstanceID").EndsWith(":State")).ToList();
        Assert.Equal(seeded.Select(Model.SeededId).Order().Select(id => $"WsManSvp:{id:D}"), defined.Select(i => i.Text("InstanceID")));
        // web01 runs and build01 is paused: they have a State configuration; db01 is off and test01 saved: they do not.
        Assert.Equal(new[] { "build01", "web01" }.Select(Model.SeededId).Order().Select(id => $"WsManSvp:{id:D}:State"),
            all.Except(defined).Select(i => i.Text("InstanceID")).Order());
        var web01 = defined.Single(i => i.Text("ElementName") == "web01");
        Assert.Equal(Model.SeededId("web01").ToString("D"), web01.Text("VirtualSystemIdentifier"));
        Assert.Equal("DMTF:simulator", web01.Text("VirtualSystemType"));
        Assert.Equal("Simulated system web01", web01.Text("Description"));
        Assert.Equal("InstanceID", Assert.Single(web01.GetPath().Keys).Name);
    }

    [Theory]
    [InlineData("WsManSvp:{0}")]
    [InlineData("wsmansvp:{0}")]
    public async Task Get_by_InstanceID_finds_the_configuration(string format)
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Settings(hv);
        var id = Model.SeededId("db01");

        var vssd = await provider.GetInstanceAsync(Model.Path(ClassName, ("InstanceID", string.Format(null, format, id))), Model.Context);

        Assert.NotNull(vssd);
        Assert.Equal("db01", vssd.Text("ElementName"));
        Assert.Equal($"WsManSvp:{id:D}", vssd.Text("InstanceID"));
    }

    [Theory]
    [InlineData("WsManSvp:00000000-0000-0000-0000-000000000001")]
    [InlineData("Microsoft:00000000-0000-0000-0000-000000000001")]
    [InlineData("WsManSvp:db01")]
    [InlineData("WsManSvp:")]
    [InlineData("")]
    public async Task Get_by_an_InstanceID_naming_no_system_finds_nothing(string instanceId)
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Settings(hv);

        Assert.Null(await provider.GetInstanceAsync(Model.Path(ClassName, ("InstanceID", instanceId)), Model.Context));
    }

    [Fact]
    public async Task Setting_data_has_no_methods_implemented()
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Settings(hv);
        var method = Model.Repository.GetClass("CIM_ComputerSystem")!.GetMethod("RequestStateChange")!;

        var e = await Assert.ThrowsAsync<CimException>(() => provider.InvokeMethodAsync(
            Model.Path(ClassName, ("InstanceID", $"WsManSvp:{Model.SeededId("db01")}")), method, new Dictionary<string, Cim.Model.CimValue>(), Model.Context).AsTask());

        Assert.Equal(CimStatus.NotSupported, e.Status);
    }
}
