using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The management and snapshot capabilities: they say only what is implemented (docs/MODEL.md).</summary>
public sealed class CapabilitiesModelTests
{
    private static readonly CimObjectPath ManagementService = Model.Path("CIM_VirtualSystemManagementService",
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", Model.HostName),
        ("CreationClassName", "CIM_VirtualSystemManagementService"), ("Name", "VirtualSystemManagementService"));

    private static readonly CimObjectPath SnapshotService = Model.Path("CIM_VirtualSystemSnapshotService",
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", Model.HostName),
        ("CreationClassName", "CIM_VirtualSystemSnapshotService"), ("Name", "VirtualSystemSnapshotService"));

    [Fact]
    public async Task Management_capabilities_list_the_system_type_and_no_methods_or_indications()
    {
        await using var model = await ServedModel.SeededAsync();

        var capabilities = Assert.Single(await model.InstancesAsync("CIM_VirtualSystemManagementCapabilities"));

        Assert.Equal("WsManSvp:VirtualSystemManagementCapabilities", capabilities.Id());
        Assert.Equal(["DMTF:simulator"], capabilities.Texts("VirtualSystemTypesSupported"));
        Assert.True(capabilities["SynchronousMethodsSupported"].IsNull);
        Assert.True(capabilities["AsynchronousMethodsSupported"].IsNull);
        Assert.True(capabilities["IndicationsSupported"].IsNull);
        Assert.False(capabilities["ElementNameEditSupported"].AsBoolean());
    }

    [Fact]
    public async Task Snapshot_service_capabilities_list_no_methods_and_no_snapshot_types()
    {
        await using var model = await ServedModel.SeededAsync();

        var capabilities = Assert.Single(await model.InstancesAsync("CIM_VirtualSystemSnapshotServiceCapabilities"));

        Assert.Equal("WsManSvp:VirtualSystemSnapshotServiceCapabilities", capabilities.Id());
        Assert.True(capabilities["SynchronousMethodsSupported"].IsNull);
        Assert.True(capabilities["AynchronousMethodsSupported"].IsNull); // the schema's spelling
        Assert.True(capabilities["SnapshotTypesSupported"].IsNull);
    }

    [Fact]
    public async Task Each_system_has_snapshot_capabilities_enabling_nothing()
    {
        await using var model = await ServedModel.SeededAsync(extraSystems: 1);

        var capabilities = await model.InstancesAsync("CIM_VirtualSystemSnapshotCapabilities");

        Assert.Equal(new[] { "web01", "db01", "build01", "test01", "load00001" }.Select(n => $"WsManSvp:{ServedModel.SystemName(n)}:SnapshotCapabilities").Order(),
            capabilities.Select(c => c.Id()).Order());
        Assert.All(capabilities, c => Assert.True(c["SnapshotTypesEnabled"].IsNull));
        Assert.All(capabilities, c => Assert.False(c["GuestOSNotificationEnabled"].AsBoolean()));
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
