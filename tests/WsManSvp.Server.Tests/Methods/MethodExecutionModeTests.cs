using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// The capabilities say which methods run synchronously and which as jobs (DSP1042 8.1.2, 7.5.2, 7.6.2);
/// each method, called as a client would, does what they say: 0 and no Job, or 4096 and a Job that completes.
/// Changes systems, so it has a server of its own.
/// </summary>
public abstract class MethodExecutionModeTests(ServerFixture server)
{
    // The ValueMaps of CIM_VirtualSystemManagementCapabilities.*MethodsSupported and
    // CIM_VirtualSystemSnapshotServiceCapabilities.*MethodsSupported (CIM 2.32).
    private static readonly Dictionary<string, string> ManagementValues = new()
    {
        ["2"] = "DefineSystem", ["3"] = "DestroySystem", ["5"] = "ModifyResourceSettings", ["6"] = "ModifySystemSettings",
        ["7"] = "RemoveResourceSettings", ["10"] = "AddResourceSettings",
    };

    private static readonly Dictionary<string, string> SnapshotValues = new()
    {
        ["2"] = "CreateSnapshot", ["3"] = "DestroySnapshot", ["4"] = "ApplySnapshot",
    };

    [Fact]
    public async Task Every_method_runs_as_the_capabilities_say()
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);
        var vsmc = Assert.Single(await cim.AssociatorsAsync(host, "CIM_ElementCapabilities", "CIM_VirtualSystemManagementCapabilities"));
        var vsss = await MethodSteps.SnapshotServiceAsync(cim);
        var vsssc = Assert.Single(await cim.AssociatorsAsync(vsss, "CIM_ElementCapabilities", "CIM_VirtualSystemSnapshotServiceCapabilities"));
        var said = new Dictionary<string, bool>();
        foreach (var v in vsmc.Values("SynchronousMethodsSupported")) said.Add(ManagementValues[v], false);
        foreach (var v in vsmc.Values("AsynchronousMethodsSupported")) said.Add(ManagementValues[v], true);
        foreach (var v in vsssc.Values("SynchronousMethodsSupported")) said.Add(SnapshotValues[v], false);
        foreach (var v in vsssc.Values("AynchronousMethodsSupported")) said.Add(SnapshotValues[v], true);
        Assert.Equal(ManagementValues.Values.Concat(SnapshotValues.Values).Order(), said.Keys.Order());

        var seen = new Dictionary<string, bool>();
        async Task<MethodResult> Call(Epr service, MethodCall call)
        {
            var result = await cim.InvokeMethodAsync(service, call);
            var job = result.Reference("Job");
            Assert.True(result.ReturnValue is 0 or 4096, $"{call.Method} returned {result.ReturnValue}:\n{result}");
            Assert.Equal(result.ReturnValue == 4096, job is not null);
            if (job is not null) Assert.Equal(JobView.Completed, (await VirtualSystemServices.FinishedAsync(cim, job)).JobState);
            seen.Add(call.Method, job is not null);
            return result;
        }

        var vsms = await MethodSteps.ManagementServiceAsync(cim);
        var system = (await Call(vsms, new MethodCall("DefineSystem").Embedded("SystemSettings", SystemSettings("modes")).Embedded("ResourceSettings", Memory(512)))).Reference("ResultingSystem")!;
        var configuration = await MethodSteps.DefinedConfigurationAsync(cim, system);
        var added = (await Call(vsms, new MethodCall("AddResourceSettings").Reference("AffectedConfiguration", configuration).Embedded("ResourceSettings", Disk(64))))
            .References("ResultingResourceSettings");
        var memory = (await MethodSteps.AllocationsAsync(cim, configuration)).Single(4);
        await Call(vsms, new MethodCall("ModifyResourceSettings").Embedded("ResourceSettings", EmbeddedInstance.From(memory).With("VirtualQuantity", 1024UL), EmbeddedForm.XsiType));
        var settings = await cim.GetInstanceAsync(configuration);
        await Call(vsms, new MethodCall("ModifySystemSettings").Embedded("SystemSettings", EmbeddedInstance.From(settings).With("Description", "modes"), EmbeddedForm.XsiType));
        var removal = new MethodCall("RemoveResourceSettings");
        foreach (var allocation in added) removal.Reference("ResourceSettings", allocation);
        await Call(vsms, removal);
        await Call(vsss, new MethodCall("CreateSnapshot").Reference("AffectedSystem", system).Value("SnapshotType", 2));
        var snapshot = Assert.Single(await cim.AssociatorNamesAsync(system, "CIM_SnapshotOfVirtualSystem", MethodSteps.VirtualSystemSettingData));
        await Call(vsss, new MethodCall("ApplySnapshot").Reference("Snapshot", snapshot));
        await Call(vsss, new MethodCall("DestroySnapshot").Reference("AffectedSnapshot", snapshot));
        await Call(vsms, new MethodCall("DestroySystem").Reference("AffectedSystem", system));

        Assert.Equal(said.OrderBy(p => p.Key), seen.OrderBy(p => p.Key));
    }
}

public sealed class MethodExecutionModeOnSimulatorTests(ServerFixture server) : MethodExecutionModeTests(server), IClassFixture<ServerFixture>;

public sealed class MethodExecutionModeOnLibvirtTests(LibvirtServerFixture server) : MethodExecutionModeTests(server), IClassFixture<LibvirtServerFixture>;
