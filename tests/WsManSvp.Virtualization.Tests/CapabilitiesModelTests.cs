using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The management and snapshot capabilities: they say only what is implemented (docs/MODEL.md).</summary>
public sealed class CapabilitiesModelTests
{
    private static readonly CimObjectPath ManagementService = ServedModel.ManagementServicePath;

    private static readonly CimObjectPath SnapshotService = ServedModel.SnapshotServicePath;

    [Fact]
    public async Task Management_capabilities_list_the_system_type_and_which_methods_run_synchronously_and_which_as_jobs()
    {
        await using var model = await ServedModel.SeededAsync();

        var capabilities = Assert.Single(await model.InstancesAsync("CIM_VirtualSystemManagementCapabilities"));

        Assert.Equal("WsManSvp:VirtualSystemManagementCapabilities", capabilities.Id());
        Assert.Equal(["DMTF:simulator"], capabilities.Texts("VirtualSystemTypesSupported"));
        // CIM 2.32 ValueMap: 2 DefineSystem, 3 DestroySystem, 5 ModifyResourceSettings, 6 ModifySystemSettings, 7 RemoveResourceSettings, 10 AddResourceSettings.
        Assert.Equal([2L, 5, 6, 7, 10], capabilities.Numbers("SynchronousMethodsSupported"));
        Assert.Equal([3L], capabilities.Numbers("AsynchronousMethodsSupported"));
        // 2 virtual resource, 3 concrete job, 4 virtual system state change indications.
        Assert.Equal([2L, 3, 4], capabilities.Numbers("IndicationsSupported"));
        Assert.False(capabilities["ElementNameEditSupported"].AsBoolean());
    }

    [Fact]
    public async Task Snapshot_service_capabilities_list_every_method_as_a_job_and_the_snapshot_types_the_host_takes()
    {
        await using var model = await ServedModel.SeededAsync();

        var capabilities = Assert.Single(await model.InstancesAsync("CIM_VirtualSystemSnapshotServiceCapabilities"));

        Assert.Equal("WsManSvp:VirtualSystemSnapshotServiceCapabilities", capabilities.Id());
        Assert.True(capabilities["SynchronousMethodsSupported"].IsNull);
        Assert.Equal([2L, 3, 4], capabilities.Numbers("AynchronousMethodsSupported")); // the schema's spelling
        Assert.Equal([2L, 3], capabilities.Numbers("SnapshotTypesSupported"));
    }

    [Fact]
    public async Task A_host_that_takes_only_full_snapshots_lists_only_type_2()
    {
        await using var model = await ServedModel.SeededAsync(options: new SimulatorOptions { SnapshotKinds = [SnapshotKind.Full] });

        var service = Assert.Single(await model.InstancesAsync("CIM_VirtualSystemSnapshotServiceCapabilities"));
        var ofSystems = await model.InstancesAsync("CIM_VirtualSystemSnapshotCapabilities");

        Assert.Equal([2L], service.Numbers("SnapshotTypesSupported"));
        Assert.Equal([2L], ofSystems.Single(c => c.Id().Contains(ServedModel.SystemName("web01"), StringComparison.Ordinal)).Numbers("SnapshotTypesEnabled"));
    }

    [Fact]
    public async Task Each_system_has_snapshot_capabilities_enabling_the_host_types_unless_its_state_cannot_be_captured()
    {
        await using var model = await ServedModel.SeededAsync(extraSystems: 1);

        var capabilities = (await model.InstancesAsync("CIM_VirtualSystemSnapshotCapabilities")).ToDictionary(c => c.Id());

        string Of(string system) => $"WsManSvp:{ServedModel.SystemName(system)}:SnapshotCapabilities";
        Assert.Equal(new[] { "web01", "db01", "build01", "test01", "load00001" }.Select(Of).Order(), capabilities.Keys.Order());
        // Running, off and paused systems can be captured; a saved one (test01) cannot.
        foreach (var system in new[] { "web01", "db01", "build01", "load00001" })
            Assert.Equal([2L, 3], capabilities[Of(system)].Numbers("SnapshotTypesEnabled"));
        Assert.Empty(capabilities[Of("test01")].Numbers("SnapshotTypesEnabled"));
        Assert.All(capabilities.Values, c => Assert.False(c["GuestOSNotificationEnabled"].AsBoolean()));
    }

    [Fact]
    public async Task The_host_and_the_management_service_have_the_management_capabilities_the_snapshot_service_its_own()
    {
        await using var model = await ServedModel.SeededAsync();

        var ofHost = await model.AssociatorsAsync(ServedModel.HostPath, "CIM_ElementCapabilities", "CIM_VirtualSystemManagementCapabilities");
        var ofManagement = await model.AssociatorsAsync(ManagementService, "CIM_ElementCapabilities");
        var ofSnapshots = await model.AssociatorsAsync(SnapshotService, "CIM_ElementCapabilities");
        var holders = await model.AssociatorsAsync(ServedModel.InstancePath("CIM_VirtualSystemManagementCapabilities",
            "WsManSvp:VirtualSystemManagementCapabilities"), "CIM_ElementCapabilities");

        Assert.Equal("WsManSvp:VirtualSystemManagementCapabilities", Assert.Single(ofHost).Id());
        Assert.Equal("WsManSvp:VirtualSystemManagementCapabilities", Assert.Single(ofManagement).Id());
        Assert.Equal("WsManSvp:VirtualSystemSnapshotServiceCapabilities", Assert.Single(ofSnapshots).Id());
        Assert.True(holders.Select(h => h.GetPath()).ToHashSet().SetEquals([ManagementService, ServedModel.HostPath]));
        Assert.Equal(2, holders.Count);
    }

    [Fact]
    public async Task A_system_has_its_own_snapshot_capabilities()
    {
        await using var model = await ServedModel.SeededAsync();

        var capabilities = await model.AssociatorsAsync(ServedModel.VirtualSystemPath("build01"), "CIM_ElementCapabilities");

        Assert.Equal($"WsManSvp:{ServedModel.SystemName("build01")}:SnapshotCapabilities", Assert.Single(capabilities).Id());
    }
}
