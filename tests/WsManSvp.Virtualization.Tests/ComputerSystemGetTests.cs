using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class ComputerSystemGetTests
{
    [Fact]
    public async Task The_host_is_found_by_its_name_in_any_case()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var host = await provider.GetInstanceAsync(Model.SystemPath(Model.HostName.ToUpperInvariant()), Model.Context);

        Assert.NotNull(host);
        Assert.Equal(Model.HostName, host.Text("Name"));
        Assert.Equal("Other", host.Text("NameFormat"));
    }

    [Fact]
    public async Task A_virtual_system_is_found_by_its_uuid_and_the_class_name_in_any_case()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));
        var id = Model.SeededId("db01");

        var vm = await provider.GetInstanceAsync(
            Model.Path("CIM_ComputerSystem", ("creationclassname", "cim_computersystem"), ("NAME", id.ToString("D"))), Model.Context);

        Assert.NotNull(vm);
        Assert.Equal("db01", vm.Text("ElementName"));
        Assert.Equal(3, vm.Number("EnabledState"));
    }

    [Theory]
    [InlineData("CIM_ComputerSystem", "00000000-0000-0000-0000-000000000001")] // a uuid not defined
    [InlineData("CIM_ComputerSystem", "web01")] // the element name is not the key
    [InlineData("CIM_ComputerSystem", "not-a-uuid")]
    [InlineData("CIM_System", "hv-test")] // right name, wrong CreationClassName
    [InlineData("Msvm_ComputerSystem", "hv-test")]
    public async Task Keys_that_name_no_system_give_null(string creationClassName, string name)
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        Assert.Null(await provider.GetInstanceAsync(
            Model.Path("CIM_ComputerSystem", ("CreationClassName", creationClassName), ("Name", name)), Model.Context));
    }

    [Fact]
    public async Task Missing_keys_give_null()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        Assert.Null(await provider.GetInstanceAsync(Model.Path("CIM_ComputerSystem", ("Name", Model.HostName)), Model.Context));
        Assert.Null(await provider.GetInstanceAsync(Model.Path("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem")), Model.Context));
    }

    [Fact]
    public async Task Every_enumerated_instance_is_found_again_by_its_own_path()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        foreach (var instance in await Model.EnumerateAsync(provider))
        {
            var again = await provider.GetInstanceAsync(instance.GetPath(), Model.Context);
            Assert.NotNull(again);
            Assert.Equal(instance.GetPath(), again.GetPath());
            Assert.Equal(instance["EnabledState"], again["EnabledState"]);
        }
    }
}
