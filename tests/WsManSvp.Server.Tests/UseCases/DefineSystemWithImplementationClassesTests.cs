using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.1.2: 9.3.1.1 with an "Input" configuration only, each instance of the implementation class
/// that 9.2.14 and 9.2.15 determine. Defines a system, so it has a server of its own.
/// </summary>
public abstract class DefineSystemWithImplementationClassesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_3_1_2_DefineSystem_with_instances_of_the_implementation_classes()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);

        // 9.2.14 for the system part: the class of a virtual system's configuration, and its description.
        var someSystem = (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host))[0];
        var vssdPath = await MethodSteps.DefinedConfigurationAsync(cim, someSystem);
        var vssdClass = ClassDefinitionAssert.Describes(await cim.GetClassAsync(vssdPath.ClassName, vssdPath.Namespace!), await cim.GetInstanceAsync(vssdPath));
        // 9.2.15 for each resource type: the class of the default setting of a pool of the type, with its description.
        var pools = await UseCaseSteps.HostedResourcePoolsAsync(cim, host);
        var network = pools.OfResourceType(33).OrderBy(p => p.Prop("PoolID"), StringComparer.Ordinal).Last();
        var storage = pools.OfResourceType(31)[0];
        var classes = new Dictionary<int, (string Name, IReadOnlyDictionary<string, System.Xml.Linq.XElement> Properties)>();
        foreach (var (type, pool) in new[] { (3, pools.OfResourceType(3)[0]), (4, pools.OfResourceType(4)[0]), (31, storage), (33, network) })
        {
            var setting = Assert.Single(await UseCaseSteps.SettingsDefineCapabilitiesAsync(cim, pool.Path, type), a => a.Prop("ValueRole") == "0").Ref("PartComponent");
            var described = ClassDefinitionAssert.Describes(await cim.GetClassAsync(setting.ClassName, setting.Namespace!), await cim.GetInstanceAsync(setting));
            classes[type] = (setting.ClassName, described);
        }

        // The "Input" configuration: instances of those classes, setting only properties their descriptions list.
        EmbeddedInstance[] resources =
        [
            new(classes[3].Name, ("ResourceType", (ushort)3), ("VirtualQuantity", 2UL), ("AllocationUnits", "count")),
            new(classes[4].Name, ("ResourceType", (ushort)4), ("VirtualQuantity", 2048UL), ("AllocationUnits", MethodSteps.MebiBytes)),
            new(classes[31].Name, ("ResourceType", (ushort)31), ("PoolID", storage.Prop("PoolID")!), ("VirtualQuantity", 10UL << 30),
                ("AllocationUnits", storage.Prop("AllocationUnits")!)),
            new(classes[33].Name, ("ResourceType", (ushort)33), ("PoolID", network.Prop("PoolID")!)),
        ];
        var system = new EmbeddedInstance(vssdPath.ClassName, ("ElementName", "implementation-classes"), ("Description", "Defined from implementation classes"));
        Assert.All(system.Properties, p => Assert.Contains(p.Name, vssdClass.Keys));
        foreach (var resource in resources)
            Assert.All(resource.Properties, p => Assert.Contains(p.Name, classes[int.Parse($"{resource["ResourceType"]}")].Properties.Keys));

        var call = new MethodCall("DefineSystem").Embedded("SystemSettings", system);
        foreach (var resource in resources) call.Embedded("ResourceSettings", resource);
        var defined = await cim.InvokeMethodAsync(service, call);

        // Result (the text's "DefinedSystem" is Table 2's ResultingSystem): a new system in the "Defined" state.
        Assert.Equal(0u, defined.ReturnValue);
        var vs = defined.Reference("ResultingSystem")!;
        var instance = await cim.GetInstanceAsync(vs);
        Assert.Equal("implementation-classes", instance.Prop("ElementName"));
        Assert.Equal("Defined from implementation classes", instance.Prop("Description"));
        Assert.Equal("3", instance.Prop("EnabledState"));
        var allocations = await MethodSteps.DefinedAllocationsAsync(cim, vs);
        Assert.Equal(2UL, allocations.Single(3).Quantity());
        Assert.Equal(2048UL, allocations.Single(4).Quantity());
        var disk = allocations.Single(31);
        Assert.Equal(classes[31].Name, disk.ClassName);
        Assert.Equal(10UL << 30, disk.Quantity());
        Assert.Equal(storage.Prop("PoolID"), disk.Prop("PoolID"));
        var connection = allocations.Single(33);
        Assert.Equal(classes[33].Name, connection.ClassName);
        Assert.Equal(network.Prop("PoolID"), connection.Prop("PoolID"));
        Assert.Single(allocations.OfResourceType(10));
    }
}

public sealed class DefineSystemWithImplementationClassesOnSimulatorTests(ServerFixture server) : DefineSystemWithImplementationClassesTests(server), IClassFixture<ServerFixture>;

public sealed class DefineSystemWithImplementationClassesOnLibvirtTests(LibvirtServerFixture server) : DefineSystemWithImplementationClassesTests(server), IClassFixture<LibvirtServerFixture>;
