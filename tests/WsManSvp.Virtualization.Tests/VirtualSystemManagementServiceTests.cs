using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class VirtualSystemManagementServiceTests
{
    private static readonly (string, string)[] Keys =
    [
        ("SystemCreationClassName", "CIM_ComputerSystem"),
        ("SystemName", Model.HostName),
        ("CreationClassName", "CIM_VirtualSystemManagementService"),
        ("Name", "VirtualSystemManagementService"),
    ];

    [Fact]
    public async Task There_is_one_service_hosted_by_the_host_system_and_enabled()
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Services(hv);

        var service = Assert.Single(await Model.EnumerateAsync(provider));

        Assert.Equal("CIM_VirtualSystemManagementService", service.Class.Name);
        foreach (var (key, value) in Keys) Assert.Equal(value, service.Text(key));
        Assert.Equal(4, service.GetPath().Keys.Count);
        Assert.Equal(2, service.Number("EnabledState"));
        Assert.Equal(12, service.Number("RequestedState"));
        Assert.Equal([2L], service.Numbers("OperationalStatus"));
        Assert.True(service["Started"].AsBoolean());
        Assert.Contains(Model.HostName, service.Text("Description"));
    }

    [Fact]
    public async Task Get_by_its_exact_keys_finds_it()
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Services(hv);

        var service = await provider.GetInstanceAsync(Model.Path("CIM_VirtualSystemManagementService", Keys), Model.Context);

        Assert.NotNull(service);
        Assert.Equal("VirtualSystemManagementService", service.Text("Name"));
    }

    [Fact]
    public async Task Get_matches_key_values_regardless_of_case_as_the_other_providers_do()
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Services(hv);
        var keys = Keys.Select(k => (k.Item1, k.Item2.ToUpperInvariant())).ToArray();

        Assert.NotNull(await provider.GetInstanceAsync(Model.Path("CIM_VirtualSystemManagementService", keys), Model.Context));
    }

    [Theory]
    [InlineData(0, "CIM_System")]
    [InlineData(1, "another-host")]
    [InlineData(2, "CIM_Service")]
    [InlineData(3, "OtherService")]
    public async Task Get_with_any_key_wrong_finds_nothing(int wrongKey, string value)
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Services(hv);
        var keys = Keys.ToArray();
        keys[wrongKey] = (keys[wrongKey].Item1, value);

        Assert.Null(await provider.GetInstanceAsync(Model.Path("CIM_VirtualSystemManagementService", keys), Model.Context));
    }

    [Fact]
    public async Task Get_with_a_key_missing_finds_nothing()
    {
        await using var hv = await Model.SeededAsync();
        var provider = Model.Services(hv);

        Assert.Null(await provider.GetInstanceAsync(Model.Path("CIM_VirtualSystemManagementService", Keys[1..]), Model.Context));
    }

    [Theory]
    [InlineData("CIM_VirtualSystemManagementService", "StartService")]
    [InlineData("CIM_VirtualSystemManagementService", "StopService")]
    [InlineData("CIM_VirtualSystemManagementService", "RequestStateChange")]
    [InlineData("CIM_VirtualSystemSnapshotService", "StopService")]
    public async Task Methods_a_service_inherits_but_the_profile_does_not_use_return_1_not_supported(string service, string method)
    {
        await using var model = await ServedModel.SeededAsync();
        var target = service == "CIM_VirtualSystemManagementService" ? ServedModel.ManagementServicePath : ServedModel.SnapshotServicePath;
        var before = await model.AllSystemsAsync();

        var result = await model.InvokeAsync(target, method);

        Assert.Equal(1u, result.Code());
        Assert.Empty(result.OutParameters);
        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task An_unreachable_hypervisor_makes_Get_fail_as_unavailable()
    {
        var hv = new StubHypervisor(Model.Host) { Failure = new HypervisorException(HypervisorError.Unavailable, "down") };
        var provider = Model.Services(hv);

        var e = await Assert.ThrowsAsync<CimException>(
            () => provider.GetInstanceAsync(Model.Path("CIM_VirtualSystemManagementService", Keys), Model.Context).AsTask());

        Assert.True(e.Unavailable);
    }
}
