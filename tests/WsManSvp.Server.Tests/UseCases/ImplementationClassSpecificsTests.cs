using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.14: determine the specifics of an implementation class.</summary>
public abstract class ImplementationClassSpecificsTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_14_GetClass_of_each_resource_allocation_class_in_use()
    {
        using var cim = new CimClient(server.Client());
        var allocations = await UseCaseSteps.RunningSystemResourceSettingsAsync(cim);

        var seen = new List<string>();
        foreach (var allocation in allocations.DistinctBy(a => a.Path.ClassName))
        {
            // Step 1: the class name from the reference; step 2: GetClass.
            var className = allocation.Path.ClassName;
            var cls = await cim.GetClassAsync(className, allocation.Path.Namespace!);

            var properties = ClassDefinitionAssert.Describes(cls, allocation);
            Assert.Equal(className == "CIM_ResourceAllocationSettingData" ? "CIM_SettingData" : "CIM_ResourceAllocationSettingData",
                (string?)cls.Attribute("SUPERCLASS"));
            Assert.Equal(["true"], ClassDefinitionAssert.Qualifier(properties["InstanceID"], "Key"));
            Assert.Equal("CIM_ResourceAllocationSettingData", (string?)properties["ResourceType"].Attribute("CLASSORIGIN"));
            Assert.Contains("31", ClassDefinitionAssert.Qualifier(properties["ResourceType"], "ValueMap"));
            seen.Add(className);
        }

        Assert.Equal(["CIM_EthernetPortAllocationSettingData", "CIM_ResourceAllocationSettingData", "CIM_StorageAllocationSettingData"],
            seen.Order(StringComparer.Ordinal));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class ImplementationClassSpecificsOnSimulatorTests(ServerFixture server) : ImplementationClassSpecificsTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class ImplementationClassSpecificsOnLibvirtTests(LibvirtServerFixture server) : ImplementationClassSpecificsTests(server);
