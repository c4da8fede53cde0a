using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// AssociatedInstances across the model (docs/MODEL.md, Associations): from a running and a defined system,
/// a pool and its allocation capabilities, a resource allocation of each configuration, and between the
/// registered profiles in root/interop and the elements conforming to them in root/cimv2.
/// </summary>
public sealed class ModelTraversalTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_running_system_is_associated_with_its_host_services_capabilities_profile_configurations_and_devices()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");
        var mac = await MacOfAsync(client, web01);

        var eprs = await AssociatedAsync(client, ModelEprs.System(web01));

        Assert.Equal(Neighbours.Sorted(
        [
            "CIM_ComputerSystem " + ServerFixture.HostName,
            "CIM_VirtualSystemManagementService VirtualSystemManagementService",
            "CIM_VirtualSystemSnapshotService VirtualSystemSnapshotService",
            $"CIM_VirtualSystemSnapshotCapabilities WsManSvp:{web01}:SnapshotCapabilities",
            "CIM_RegisteredProfile " + Neighbours.VirtualSystem,
            $"CIM_VirtualSystemSettingData WsManSvp:{web01}",
            $"CIM_VirtualSystemSettingData WsManSvp:{web01}:State",
            "CIM_Processor cpu0", "CIM_Processor cpu1", "CIM_Memory mem", "CIM_LogicalDisk vda", "CIM_EthernetPort " + mac,
        ]), Neighbours.Sorted(eprs));
        Assert.All(eprs.Where(e => e.Selector("DeviceID") is not null), e => Assert.Equal(web01, e.Selector("SystemName")));
    }

    [Theory]
    [InlineData("CIM_SystemDevice", null, "CIM_EthernetPort CIM_LogicalDisk CIM_Memory CIM_Processor CIM_Processor")]
    [InlineData(null, "CIM_LogicalDevice", "CIM_EthernetPort CIM_LogicalDisk CIM_Memory CIM_Processor CIM_Processor")]
    [InlineData(null, "CIM_Processor", "CIM_Processor CIM_Processor")]
    [InlineData("CIM_SettingsDefineState", null, "CIM_VirtualSystemSettingData")]
    [InlineData("CIM_ElementSettingData", null, "CIM_VirtualSystemSettingData")]
    [InlineData(null, "CIM_VirtualSystemSettingData", "CIM_VirtualSystemSettingData CIM_VirtualSystemSettingData")]
    [InlineData("CIM_ElementCapabilities", null, "CIM_VirtualSystemSnapshotCapabilities")]
    [InlineData("CIM_ServiceAffectsElement", "CIM_Service", "CIM_VirtualSystemManagementService CIM_VirtualSystemSnapshotService")]
    public async Task A_running_systems_neighbours_narrow_by_association_and_result_class(string? associationClass, string? resultClass, string classes)
    {
        using var client = server.Client();
        var web01 = ModelEprs.System(await SeededSystems.NameOfAsync(client, "web01"));

        var eprs = await AssociatedAsync(client, web01, associationClass, resultClass);

        Assert.Equal(Items.Words(classes), eprs.Select(e => e.ClassName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_State_configuration_comes_through_SettingsDefineState_and_the_Defined_one_through_ElementSettingData()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var state = await AssociatedAsync(client, ModelEprs.System(web01), "CIM_SettingsDefineState");
        var defined = await AssociatedAsync(client, ModelEprs.System(web01), "CIM_ElementSettingData");

        Assert.Equal($"WsManSvp:{web01}:State", Assert.Single(state).Selector("InstanceID"));
        Assert.Equal($"WsManSvp:{web01}", Assert.Single(defined).Selector("InstanceID"));
    }

    [Fact]
    public async Task A_defined_system_has_its_Defined_configuration_and_no_devices()
    {
        using var client = server.Client();
        var db01 = await SeededSystems.NameOfAsync(client, "db01");

        var eprs = await AssociatedAsync(client, ModelEprs.System(db01));

        Assert.Equal(Neighbours.Sorted(
        [
            "CIM_ComputerSystem " + ServerFixture.HostName,
            "CIM_VirtualSystemManagementService VirtualSystemManagementService",
            "CIM_VirtualSystemSnapshotService VirtualSystemSnapshotService",
            $"CIM_VirtualSystemSnapshotCapabilities WsManSvp:{db01}:SnapshotCapabilities",
            "CIM_RegisteredProfile " + Neighbours.VirtualSystem,
            $"CIM_VirtualSystemSettingData WsManSvp:{db01}",
        ]), Neighbours.Sorted(eprs));
    }

    [Fact]
    public async Task A_pool_is_associated_with_its_host_capabilities_profile_and_what_draws_on_it()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);
        string[] active = [systems["build01"], systems["web01"]];

        var eprs = await AssociatedAsync(client, ModelEprs.Pool("Memory", "host"));

        Assert.Equal(Neighbours.Sorted(
        [
            "CIM_ComputerSystem " + ServerFixture.HostName,
            "CIM_AllocationCapabilities WsManSvp:AllocationCapabilities/Memory/host",
            "CIM_RegisteredProfile CIM:DSP1045-MemoryResourceVirtualization-1.0.0",
            .. active.Select(_ => "CIM_Memory mem"),
            .. systems.Values.Select(uuid => $"CIM_ResourceAllocationSettingData WsManSvp:{uuid}/mem"),
            .. active.Select(uuid => $"CIM_ResourceAllocationSettingData WsManSvp:{uuid}:State/mem"),
        ]), Neighbours.Sorted(eprs));
        Assert.Equal(active, eprs.Where(e => e.ClassName == "CIM_Memory").Select(e => e.Selector("SystemName")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Memory", "host")]
    [InlineData("Storage", "default")]
    [InlineData("Network", "storage-net")]
    public async Task A_pools_allocation_capabilities_define_its_four_limit_settings(string kind, string name)
    {
        using var client = server.Client();
        var capabilities = Assert.Single(await AssociatedAsync(client, ModelEprs.Pool(kind, name), "CIM_ElementCapabilities"));

        var limits = await AssociatedAsync(client, capabilities, "CIM_SettingsDefineCapabilities");

        Assert.Equal($"WsManSvp:AllocationCapabilities/{kind}/{name}", capabilities.Selector("InstanceID"));
        Assert.Equal(Items.Words("Default Increment Maximum Minimum").Select(role => $"WsManSvp:AllocationCapabilities/{kind}/{name}/{role}"),
            limits.Select(e => e.Selector("InstanceID")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_Defined_allocation_is_associated_with_its_configuration_its_State_counterpart_and_its_pool()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var eprs = await AssociatedAsync(client, ModelEprs.Allocation(web01, "mem"));

        Assert.Equal(Neighbours.Sorted(
        [
            $"CIM_VirtualSystemSettingData WsManSvp:{web01}",
            $"CIM_ResourceAllocationSettingData WsManSvp:{web01}:State/mem",
            "CIM_ResourcePool WsManSvp:Pool/Memory/host",
        ]), Neighbours.Sorted(eprs));
    }

    [Fact]
    public async Task A_State_allocation_is_associated_with_its_configuration_the_device_it_realizes_its_Defined_counterpart_and_its_pool()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var eprs = await AssociatedAsync(client, ModelEprs.Allocation(web01, "mem", state: true));

        Assert.Equal(Neighbours.Sorted(
        [
            $"CIM_VirtualSystemSettingData WsManSvp:{web01}:State",
            "CIM_Memory mem",
            $"CIM_ResourceAllocationSettingData WsManSvp:{web01}/mem",
            "CIM_ResourcePool WsManSvp:Pool/Memory/host",
        ]), Neighbours.Sorted(eprs));
        Assert.Equal(web01, eprs.Single(e => e.ClassName == "CIM_Memory").Selector("SystemName"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ModelEprs.Interop)]
    public async Task From_the_System_Virtualization_profile_in_root_interop_to_the_host_in_root_cimv2_and_the_profiles_it_references(string? requestNamespace)
    {
        using var client = server.Client();

        var eprs = await client.EprsAsync(Enumeration.AllClasses(
            Filters.AssociatedInstances(ModelEprs.Profile(Neighbours.SystemVirtualization)), @namespace: requestNamespace));

        Assert.Equal(Neighbours.Sorted(
        [
            "CIM_ComputerSystem " + ServerFixture.HostName,
            "CIM_RegisteredProfile " + Neighbours.VirtualSystem,
            "CIM_RegisteredProfile CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0",
            "CIM_RegisteredProfile CIM:DSP1045-MemoryResourceVirtualization-1.0.0",
            "CIM_RegisteredProfile CIM:DSP1047-StorageResourceVirtualization-1.0.0",
            "CIM_RegisteredProfile CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0",
        ]), Neighbours.Sorted(eprs));
        Assert.Equal(ModelEprs.Implementation, eprs.Single(e => e.ClassName == "CIM_ComputerSystem").Namespace);
        Assert.All(eprs.Where(e => e.ClassName == "CIM_RegisteredProfile"), e => Assert.Equal(ModelEprs.Interop, e.Namespace));
    }

    [Fact]
    public async Task From_the_Virtual_System_profile_to_every_virtual_system_and_the_profile_that_references_it()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var eprs = await AssociatedAsync(client, ModelEprs.Profile(Neighbours.VirtualSystem));

        Assert.Equal(Neighbours.Sorted(
        [
            .. systems.Values.Select(uuid => "CIM_ComputerSystem " + uuid),
            "CIM_RegisteredProfile " + Neighbours.SystemVirtualization,
        ]), Neighbours.Sorted(eprs));
    }

    [Theory]
    [InlineData("CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0", "Processor/host")]
    [InlineData("CIM:DSP1045-MemoryResourceVirtualization-1.0.0", "Memory/host")]
    [InlineData("CIM:DSP1047-StorageResourceVirtualization-1.0.0", "Storage/default")]
    [InlineData("CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0", "Network/default Network/storage-net")]
    public async Task From_a_resource_profile_to_its_pools_through_ElementConformsToProfile(string profile, string pools)
    {
        using var client = server.Client();

        var eprs = await AssociatedAsync(client, ModelEprs.Profile(profile), "CIM_ElementConformsToProfile", resultRole: "ManagedElement");

        Assert.Equal(Items.Words(pools).Select(p => "CIM_ResourcePool WsManSvp:Pool/" + p), Neighbours.Sorted(eprs));
    }

    [Theory]
    [InlineData(Neighbours.SystemVirtualization, "Antecedent", 5)]
    [InlineData(Neighbours.SystemVirtualization, "Dependent", 0)]
    [InlineData(Neighbours.VirtualSystem, "Dependent", 1)]
    [InlineData(Neighbours.VirtualSystem, "Antecedent", 0)]
    public async Task ReferencedProfile_runs_from_System_Virtualization_as_Antecedent_to_the_profiles_it_scopes(string profile, string role, int count)
    {
        using var client = server.Client();

        var eprs = await AssociatedAsync(client, ModelEprs.Profile(profile), "CIM_ReferencedProfile", role: role);

        Assert.Equal(count, eprs.Count);
        Assert.All(eprs, e => Assert.Equal("CIM_RegisteredProfile", e.ClassName));
    }

    [Fact]
    public async Task From_the_host_and_a_virtual_system_back_to_the_profiles_they_conform_to_in_root_interop()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var ofHost = await AssociatedAsync(client, ModelEprs.Host, resultClass: "CIM_RegisteredProfile");
        var ofSystem = await AssociatedAsync(client, ModelEprs.System(web01), "CIM_ElementConformsToProfile", resultRole: "ConformantStandard");

        Assert.True(Assert.Single(ofHost).SameAs(ModelEprs.Profile(Neighbours.SystemVirtualization)), ofHost[0].ToString());
        Assert.True(Assert.Single(ofSystem).SameAs(ModelEprs.Profile(Neighbours.VirtualSystem)), ofSystem[0].ToString());
    }

    private static Task<List<Epr>> AssociatedAsync(WsManClient client, Epr source, string? associationClass = null, string? resultClass = null,
        string? role = null, string? resultRole = null) =>
        client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(source, associationClass, role, resultClass, resultRole)));

    private static async Task<string> MacOfAsync(WsManClient client, string system)
    {
        var ports = await client.EnumerateAllAsync("CIM_EthernetPort", maxElements: 50);
        return ports.Single(p => p.Prop("SystemName") == system).Prop("DeviceID")!;
    }
}
