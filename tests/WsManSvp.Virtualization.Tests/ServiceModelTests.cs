using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The management and snapshot services: keys, hosting, and what they affect.</summary>
public sealed class ServiceModelTests
{
    private static CimObjectPath ServicePath(string className, string name) => Model.Path(className,
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", Model.HostName), ("CreationClassName", className), ("Name", name));

    public static TheoryData<string, string> Services => new()
    {
        { "CIM_VirtualSystemManagementService", "VirtualSystemManagementService" },
        { "CIM_VirtualSystemSnapshotService", "VirtualSystemSnapshotService" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_is_one_instance_keyed_by_the_host_and_its_name(string className, string name)
    {
        await using var model = await ServedModel.SeededAsync();

        var service = Assert.Single(await model.InstancesAsync(className));

        Assert.Equal(ServicePath(className, name), service.GetPath());
        Assert.Equal(2, service.Number("EnabledState"));
        Assert.True(service["Started"].AsBoolean());
    }

    [Fact]
    public async Task The_host_hosts_both_services()
    {
        await using var model = await ServedModel.SeededAsync();

        var services = await model.AssociatorsAsync(ServedModel.HostPath, "CIM_HostedService");

        Assert.Equal(["CIM_VirtualSystemManagementService", "CIM_VirtualSystemSnapshotService"], services.Select(s => s.Class.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_manages_every_virtual_system(string className, string name)
    {
        await using var model = await ServedModel.SeededAsync(extraSystems: 2);

        var links = await model.ReferencesAsync(ServicePath(className, name), "CIM_ServiceAffectsElement");

        Assert.Equal(6, links.Count);
        Assert.True(links.Select(l => l.Ref("AffectedElement")).ToHashSet()
            .SetEquals(new[] { "web01", "db01", "build01", "test01", "load00001", "load00002" }.Select(ServedModel.VirtualSystemPath)));
        Assert.All(links, l => Assert.Equal([5], l.Numbers("ElementEffects")));
        Assert.All(links, l => Assert.Equal(ServicePath(className, name), l.Ref("AffectingElement")));
    }
}
