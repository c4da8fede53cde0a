using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class VirtualizationProvidersTests
{
    [Fact]
    public async Task The_providers_serve_the_profile_classes_in_root_cimv2()
    {
        await using var hv = await Model.SeededAsync();

        var providers = VirtualizationProviders.Create(hv, Model.Repository);

        Assert.Equal(
            ["CIM_ComputerSystem", "CIM_VirtualSystemManagementService", "CIM_VirtualSystemSettingData"],
            providers.SelectMany(p => p.Classes).Select(c => c.ClassName).Order(StringComparer.Ordinal));
        Assert.All(providers.SelectMany(p => p.Classes), c => Assert.Equal("root/cimv2", c.Namespace));
    }

    [Fact]
    public async Task Through_the_CIM_operations_a_virtual_system_is_found_by_its_name_alone()
    {
        await using var hv = await Model.SeededAsync();
        var cim = new CimOperations(Model.Repository, VirtualizationProviders.Create(hv, Model.Repository));
        var cls = Model.Repository.GetClass("CIM_ComputerSystem")!;
        var name = Model.SeededId("build01").ToString();

        var vm = await cim.GetInstanceAsync(cls,
            new CimObjectPath(CimNamespaces.Cimv2, cls.Name, [new CimKeyBinding("Name", CimValue.String(name))]), Model.Context);

        Assert.NotNull(vm);
        Assert.Equal("build01", vm.Text("ElementName"));
        Assert.Equal(9, vm.Number("EnabledState"));
    }

    [Fact]
    public async Task Through_the_CIM_operations_an_enumeration_of_a_superclass_includes_the_providers_instances()
    {
        await using var hv = await Model.SeededAsync();
        var cim = new CimOperations(Model.Repository, VirtualizationProviders.Create(hv, Model.Repository));
        var elements = new List<CimInstance>();

        await foreach (var i in cim.EnumerateInstancesAsync(Model.Repository.GetClass("CIM_EnabledLogicalElement")!, CimNamespaces.Cimv2, Model.Context))
            elements.Add(i);

        Assert.Equal(5, elements.Count(i => i.Class.Name == "CIM_ComputerSystem"));
        Assert.Equal(1, elements.Count(i => i.Class.Name == "CIM_VirtualSystemManagementService"));
        Assert.Equal(6, elements.Count);
    }
}
