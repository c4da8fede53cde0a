using WsManSvp.Virtualization.Jobs;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class VirtualizationProvidersTests
{
    [Fact]
    public async Task The_providers_serve_the_profile_classes_in_root_cimv2_and_registration_in_root_interop()
    {
        await using var hv = await Model.SeededAsync();

        var classes = VirtualizationProviders.Create(hv, JobEngine.InMemory(), Model.Repository).SelectMany(p => p.Classes).ToList();

        Assert.Equal(
            ["CIM_ElementConformsToProfile", "CIM_ReferencedProfile", "CIM_RegisteredProfile"],
            classes.Where(c => c.Namespace == "root/interop").Select(c => c.ClassName).Order(StringComparer.Ordinal));
        var cimv2 = classes.Where(c => c.Namespace == "root/cimv2").Select(c => c.ClassName).ToHashSet();
        Assert.Equal(classes.Count - 3, cimv2.Count);
        Assert.Superset(new HashSet<string>
        {
            "CIM_ComputerSystem", "CIM_VirtualSystemManagementService", "CIM_VirtualSystemSnapshotService", "CIM_VirtualSystemSettingData",
            "CIM_ResourceAllocationSettingData", "CIM_StorageAllocationSettingData", "CIM_EthernetPortAllocationSettingData",
            "CIM_ResourcePool", "CIM_AllocationCapabilities", "CIM_VirtualSystemManagementCapabilities", "CIM_ElementConformsToProfile",
            "CIM_HostedDependency", "CIM_HostedService", "CIM_SystemDevice", "CIM_Processor", "CIM_Memory", "CIM_LogicalDisk", "CIM_EthernetPort",
        }, cimv2);
        Assert.All(classes, c => Assert.NotNull(Model.Repository.GetClass(c.ClassName)));
    }

    [Fact]
    public async Task Through_the_CIM_operations_a_virtual_system_is_found_by_its_name_alone()
    {
        await using var hv = await Model.SeededAsync();
        var cim = new CimOperations(Model.Repository, VirtualizationProviders.Create(hv, JobEngine.InMemory(), Model.Repository));
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
        var cim = new CimOperations(Model.Repository, VirtualizationProviders.Create(hv, JobEngine.InMemory(), Model.Repository));
        var elements = new List<CimInstance>();

        await foreach (var i in cim.EnumerateInstancesAsync(Model.Repository.GetClass("CIM_EnabledLogicalElement")!, CimNamespaces.Cimv2, Model.Context))
            elements.Add(i);

        Assert.Equal(5, elements.Count(i => i.Class.Name == "CIM_ComputerSystem"));
        Assert.Equal(1, elements.Count(i => i.Class.Name == "CIM_VirtualSystemManagementService"));
        Assert.Equal(1, elements.Count(i => i.Class.Name == "CIM_VirtualSystemSnapshotService"));
        // The devices of the two active systems: web01 and build01 each have 2 processors, memory, a disk and an adapter.
        Assert.Equal(10, elements.Count(i => i.Class.IsA("CIM_LogicalDevice")));
        Assert.Equal(17, elements.Count);
    }
    [Theory]
    [InlineData("CIM_ComputerSystem", "CIM_ComputerSystem instances cannot be modified.")]
    [InlineData("CIM_SystemDevice", "CIM_SystemDevice instances cannot be modified.")]
    public async Task Until_a_family_says_otherwise_the_model_is_not_modified_through_Put(string className, string message)
    {
        await using var model = await ServedModel.SeededAsync();
        var cls = Model.Repository.GetClass(className)!;
        var instance = await model.Operations.EnumerateInstancesAsync(cls, CimNamespaces.Cimv2, Model.Context).FirstAsync(i => i.Class == cls);
        var modified = new CimInstance(cls, instance.Namespace);
        foreach (var key in cls.KeyProperties) modified.Set(key.Name, instance[key]);
        if (cls.GetProperty("ElementName") is not null) modified.Set("ElementName", "renamed");

        var e = await Assert.ThrowsAsync<CimException>(async () => await model.Operations.ModifyInstanceAsync(modified, Model.Context));

        Assert.Equal((CimStatus.NotSupported, message), (e.Status, e.Message));
    }
}
