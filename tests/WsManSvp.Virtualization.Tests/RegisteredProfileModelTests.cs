using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>Profile registration (DSP1033) in root/interop, and conformance reachable from both namespaces.</summary>
public sealed class RegisteredProfileModelTests
{
    private static CimObjectPath ProfilePath(string instanceId) =>
        new(CimNamespaces.Interop, "CIM_RegisteredProfile", [new CimKeyBinding("InstanceID", CimValue.String(instanceId))]);

    private const string SystemVirtualization = "CIM:DSP1042-SystemVirtualization-1.0.0";
    private const string VirtualSystem = "CIM:DSP1057-VirtualSystem-1.0.0";

    [Fact]
    public async Task The_implemented_profiles_are_registered_in_root_interop_only()
    {
        await using var model = await ServedModel.SeededAsync();

        var profiles = await model.InstancesAsync("CIM_RegisteredProfile", CimNamespaces.Interop);

        Assert.Equal(
        [
            ("CIM:DSP1042-SystemVirtualization-1.0.0", "System Virtualization", "1.0.0"),
            ("CIM:DSP1057-VirtualSystem-1.0.0", "Virtual System", "1.0.0"),
            ("CIM:DSP1033-ProfileRegistration-1.0.0", "Profile Registration", "1.0.0"),
            ("CIM:DSP1041-ResourceAllocation-1.1.0", "Resource Allocation", "1.1.0"),
            ("CIM:DSP1043-AllocationCapabilities-1.0.0", "Allocation Capabilities", "1.0.0"),
            ("CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0", "Processor Device Resource Virtualization", "1.0.0"),
            ("CIM:DSP1045-MemoryResourceVirtualization-1.0.0", "Memory Resource Virtualization", "1.0.0"),
            ("CIM:DSP1047-StorageResourceVirtualization-1.0.0", "Storage Resource Virtualization", "1.0.0"),
            ("CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0", "Ethernet Port Resource Virtualization", "1.0.0"),
        ], profiles.Select(p => (p.Id(), p.Text("RegisteredName"), p.Text("RegisteredVersion"))));
        Assert.All(profiles, p => Assert.Equal(2, p.Number("RegisteredOrganization")));
        Assert.Empty(await model.InstancesAsync("CIM_RegisteredProfile"));
    }

    [Fact]
    public async Task System_Virtualization_scopes_Virtual_System_and_the_resource_profiles()
    {
        await using var model = await ServedModel.SeededAsync();

        var scoped = await model.AssociatorsAsync(ProfilePath(SystemVirtualization), "CIM_ReferencedProfile");

        Assert.Equal(
            ["CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0", "CIM:DSP1045-MemoryResourceVirtualization-1.0.0",
             "CIM:DSP1047-StorageResourceVirtualization-1.0.0", "CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0", VirtualSystem],
            scoped.Select(p => p.Id()).Order(StringComparer.Ordinal));
        Assert.All(await model.ReferencesAsync(ProfilePath(SystemVirtualization), "CIM_ReferencedProfile"),
            l => Assert.Equal(ProfilePath(SystemVirtualization), l.Ref("Antecedent")));
    }

    [Fact]
    public async Task The_host_conforms_to_System_Virtualization_and_each_system_to_Virtual_System()
    {
        await using var model = await ServedModel.SeededAsync();

        var host = await model.AssociatorsAsync(ProfilePath(SystemVirtualization), "CIM_ElementConformsToProfile");
        var systems = await model.AssociatorsAsync(ProfilePath(VirtualSystem), "CIM_ElementConformsToProfile");

        Assert.Equal(ServedModel.HostPath, Assert.Single(host).GetPath());
        Assert.Equal(new[] { "web01", "db01", "build01", "test01" }.Select(ServedModel.SystemName).Order(), systems.Select(s => s.Text("Name")).Order());
    }

    [Theory]
    [InlineData("CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0", "Processor/host")]
    [InlineData("CIM:DSP1045-MemoryResourceVirtualization-1.0.0", "Memory/host")]
    [InlineData("CIM:DSP1047-StorageResourceVirtualization-1.0.0", "Storage/default")]
    [InlineData("CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0", "Network/default Network/storage-net")]
    public async Task Each_resource_profile_advertises_its_pools(string profile, string pools)
    {
        await using var model = await ServedModel.SeededAsync();

        var conformant = await model.AssociatorsAsync(ProfilePath(profile), "CIM_ElementConformsToProfile");

        Assert.Equal(pools.Split(' ').Select(p => "WsManSvp:Pool/" + p), conformant.Select(p => p.Id()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Conformance_is_found_from_the_element_in_root_cimv2_and_from_the_profile_in_root_interop()
    {
        await using var model = await ServedModel.SeededAsync();

        var fromHost = await model.Associations.AssociatorsAsync(ServedModel.HostPath, CimNamespaces.Cimv2, "CIM_ElementConformsToProfile",
            null, null, null, Model.Context).ToListAsync();
        var inInterop = await model.Associations.ReferencesAsync(ServedModel.HostPath, CimNamespaces.Interop, "CIM_ElementConformsToProfile",
            null, Model.Context).ToListAsync();

        Assert.Equal(ProfilePath(SystemVirtualization), Assert.Single(fromHost).GetPath());
        Assert.Equal(CimNamespaces.Interop, Assert.Single(inInterop).Namespace);
        Assert.Empty(await model.AssociatorsAsync(ProfilePath("CIM:DSP1033-ProfileRegistration-1.0.0"), "CIM_ElementConformsToProfile"));
    }
}
