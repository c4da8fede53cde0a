using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.13: determine the valid settings for a resource type, from a pool or from the host.</summary>
public abstract class ValidSettingsTests(ServerFixture server)
{
    /// <summary>Resource type → the VirtualQuantity limits of one allocation, from the seeded host (16 processors, 64 GiB).</summary>
    public static TheoryData<int, ulong, ulong, ulong> Limits => new()
    {
        { 3, 1, 16, 1 }, // processors
        { 4, 32, 64 * 1024, 1 }, // MiB
        { 31, 1 << 20, StoragePoolCapacity, 1 << 20 }, // bytes, up to the storage pool's capacity
        { 33, 1, 1, 1 }, // one port per connection
    };

    /// <summary>Stands for the backend's storage pool capacity (<see cref="ServerFixture.StoragePoolCapacity"/>).</summary>
    private const ulong StoragePoolCapacity = 0;

    private static readonly string[] ResourceAllocationClasses =
        ["CIM_ResourceAllocationSettingData", "CIM_StorageAllocationSettingData", "CIM_EthernetPortAllocationSettingData"];

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task UseCase_9_2_13_from_each_pool_of_the_type(int resourceType, ulong minimum, ulong maximum, ulong increment)
    {
        using var cim = new CimClient(server.Client());
        var pools = (await UseCaseSteps.HostedResourcePoolsAsync(cim, await UseCaseSteps.HostSystemAsync(cim))).OfResourceType(resourceType);
        Assert.NotEmpty(pools);

        foreach (var pool in pools)
        {
            var limits = await LimitingSettingsAsync(cim, pool.Path, resourceType);

            AssertLimits(limits, resourceType, minimum, maximum, increment);
            Assert.All(limits.Values, s => Assert.Equal(pool.Prop("PoolID"), s.Prop("PoolID")));
            Assert.All(limits.Values, s => Assert.Equal(pool.Prop("AllocationUnits"), s.Prop("AllocationUnits")));
        }
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task UseCase_9_2_13_from_the_host_system(int resourceType, ulong minimum, ulong maximum, ulong increment)
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        var limits = await LimitingSettingsAsync(cim, host, resourceType);

        AssertLimits(limits, resourceType, minimum, maximum, increment);
    }

    /// <summary>
    /// Steps 1-3 (<see cref="UseCaseSteps.SettingsDefineCapabilitiesAsync"/>), step 4 (keep PropertyPolicy 0
    /// with ValueRange 1 Minimums, 2 Maximums or 3 Increments; ValueRole does not matter) and step 5
    /// (GetInstance of each PartComponent): ValueRange → the limiting setting.
    /// </summary>
    private static async Task<Dictionary<string, NamedInstance>> LimitingSettingsAsync(CimClient cim, Epr start, int resourceType)
    {
        var limits = new Dictionary<string, NamedInstance>();
        foreach (var association in await UseCaseSteps.SettingsDefineCapabilitiesAsync(cim, start, resourceType))
        {
            Assert.Equal("CIM_SettingsDefineCapabilities", association.ClassName);
            var range = association.Prop("ValueRange");
            if (association.Prop("PropertyPolicy") == "0" && range is "1" or "2" or "3")
                limits.Add(range, await cim.GetInstanceAsync(association.Ref("PartComponent")));
        }
        return limits;
    }

    private void AssertLimits(Dictionary<string, NamedInstance> limits, int resourceType, ulong minimum, ulong maximum, ulong increment)
    {
        Assert.Equal(["1", "2", "3"], limits.Keys.Order());
        Assert.All(limits.Values, s => Assert.Equal(resourceType.ToString(), s.Prop("ResourceType")));
        Assert.All(limits.Values, s => Assert.Contains(s.ClassName, ResourceAllocationClasses));
        Assert.Equal(minimum, ulong.Parse(limits["1"].Prop("VirtualQuantity")!));
        Assert.Equal(maximum == StoragePoolCapacity ? server.StoragePoolCapacity : maximum, ulong.Parse(limits["2"].Prop("VirtualQuantity")!));
        Assert.Equal(increment, ulong.Parse(limits["3"].Prop("VirtualQuantity")!));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class ValidSettingsOnSimulatorTests(ServerFixture server) : ValidSettingsTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class ValidSettingsOnLibvirtTests(LibvirtServerFixture server) : ValidSettingsTests(server);
