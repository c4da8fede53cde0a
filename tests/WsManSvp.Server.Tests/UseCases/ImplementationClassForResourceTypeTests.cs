using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.15: determine the implementation class for a resource type.</summary>
public abstract class ImplementationClassForResourceTypeTests(ServerFixture server)
{
    [Theory]
    [InlineData(3, "CIM_ResourceAllocationSettingData")]
    [InlineData(4, "CIM_ResourceAllocationSettingData")]
    [InlineData(31, "CIM_StorageAllocationSettingData")]
    [InlineData(33, "CIM_EthernetPortAllocationSettingData")]
    public async Task UseCase_9_2_15_class_of_the_default_setting_of_each_pool(int resourceType, string implementationClass)
    {
        using var cim = new CimClient(server.Client());
        var pools = (await UseCaseSteps.HostedResourcePoolsAsync(cim, await UseCaseSteps.HostSystemAsync(cim))).OfResourceType(resourceType);
        Assert.NotEmpty(pools);

        foreach (var pool in pools)
        {
            // Step 1: use case 9.2.13 from the pool, keeping the setting whose ValueRole is 0 (Default;
            // DSP1042 writes "DEFAULT").
            var associations = await UseCaseSteps.SettingsDefineCapabilitiesAsync(cim, pool.Path, resourceType);
            var setting = Assert.Single(associations, a => a.Prop("ValueRole") == "0").Ref("PartComponent");
            // Step 2: use case 9.2.14 on it.
            var cls = await cim.GetClassAsync(setting.ClassName, setting.Namespace!);

            Assert.Equal(implementationClass, (string?)cls.Attribute("NAME"));
            var properties = ClassDefinitionAssert.Describes(cls, await cim.GetInstanceAsync(setting));
            Assert.Contains("VirtualQuantity", properties.Keys);
        }
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class ImplementationClassForResourceTypeOnSimulatorTests(ServerFixture server) : ImplementationClassForResourceTypeTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class ImplementationClassForResourceTypeOnLibvirtTests(LibvirtServerFixture server) : ImplementationClassForResourceTypeTests(server);
