using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// The steps the 9.3 and 9.4 use cases share: finding the two services (9.2.6, 9.4.1); a system's
/// configurations and their allocations, related as DSP1057 relates them (docs/MODEL.md); and following a
/// method that runs as a job to its end (DSP1042 8.1.2). Every EPR comes from a reply.
/// </summary>
public static class MethodSteps
{
    public const string ResourceAllocationSettingData = "CIM_ResourceAllocationSettingData";
    public const string StorageAllocationSettingData = "CIM_StorageAllocationSettingData";
    public const string EthernetPortAllocationSettingData = "CIM_EthernetPortAllocationSettingData";
    public const string VirtualSystemSettingData = "CIM_VirtualSystemSettingData";
    public const string MebiBytes = "byte*2^20";

    /// <summary>9.2.6: AssociatorNames(host, CIM_HostedService, CIM_VirtualSystemManagementService), one EPR.</summary>
    public static async Task<Epr> ManagementServiceAsync(CimClient cim) =>
        Assert.Single(await cim.AssociatorNamesAsync(await UseCaseSteps.HostSystemAsync(cim), "CIM_HostedService", "CIM_VirtualSystemManagementService"));

    /// <summary>9.4.1: AssociatorNames(host, CIM_HostedService, CIM_VirtualSystemSnapshotService), one EPR.</summary>
    public static async Task<Epr> SnapshotServiceAsync(CimClient cim) =>
        Assert.Single(await cim.AssociatorNamesAsync(await UseCaseSteps.HostSystemAsync(cim), "CIM_HostedService", "CIM_VirtualSystemSnapshotService"));

    /// <summary>The virtual system with this ElementName: 9.2.16, then GetInstance of each.</summary>
    public static async Task<Epr> VirtualSystemAsync(CimClient cim, string elementName)
    {
        foreach (var system in await UseCaseSteps.LocateVirtualSystemsAsync(cim, await UseCaseSteps.HostSystemAsync(cim)))
            if ((await cim.GetInstanceAsync(system)).Prop("ElementName") == elementName) return system;
        Assert.Fail($"The host hosts no virtual system named {elementName}.");
        return null!;
    }

    /// <summary>The "Defined" configuration: References(system, CIM_ElementSettingData), the one with IsDefault 1, its SettingData.</summary>
    public static async Task<Epr> DefinedConfigurationAsync(CimClient cim, Epr system) =>
        Assert.Single(await cim.ReferencesAsync(system, "CIM_ElementSettingData"), a => a.Prop("IsDefault") == "1").Ref("SettingData");

    /// <summary>The "State" configuration: AssociatorNames(system, CIM_SettingsDefineState, CIM_VirtualSystemSettingData); none while inactive.</summary>
    public static Task<List<Epr>> StateConfigurationsAsync(CimClient cim, Epr system) =>
        cim.AssociatorNamesAsync(system, "CIM_SettingsDefineState", VirtualSystemSettingData);

    /// <summary>A configuration's allocations: Associators(VSSD, CIM_VirtualSystemSettingDataComponent, CIM_ResourceAllocationSettingData).</summary>
    public static Task<List<NamedInstance>> AllocationsAsync(CimClient cim, Epr configuration) =>
        cim.AssociatorsAsync(configuration, "CIM_VirtualSystemSettingDataComponent", ResourceAllocationSettingData);

    /// <summary>The allocations of the system's "Defined" configuration.</summary>
    public static async Task<List<NamedInstance>> DefinedAllocationsAsync(CimClient cim, Epr system) =>
        await AllocationsAsync(cim, await DefinedConfigurationAsync(cim, system));

    /// <summary>The active system's logical devices: AssociatorNames(system, CIM_SystemDevice, CIM_LogicalDevice).</summary>
    public static Task<List<Epr>> DevicesAsync(CimClient cim, Epr system) =>
        cim.AssociatorNamesAsync(system, "CIM_SystemDevice", "CIM_LogicalDevice");

    /// <summary>The one allocation of a resource type (the processor, the memory) among <paramref name="allocations"/>.</summary>
    public static NamedInstance Single(this IEnumerable<NamedInstance> allocations, int resourceType) =>
        Assert.Single(allocations.OfResourceType(resourceType));

    public static ulong Quantity(this NamedInstance allocation) => ulong.Parse(allocation.Prop("VirtualQuantity")!);

    /// <summary>The system's EnabledState now (GetInstance).</summary>
    public static async Task<string?> EnabledStateAsync(CimClient cim, Epr system) => (await cim.GetInstanceAsync(system)).Prop("EnabledState");

    /// <summary>
    /// InvokeMethod for a method that runs as a job (DSP1042 8.1.2): ReturnValue 4096 with a Job reference,
    /// the job polled with GetInstance until it finishes, then References(job, CIM_AffectedJobElement).
    /// </summary>
    public static async Task<FinishedJob> RunAsJobAsync(CimClient cim, Epr target, MethodCall call)
    {
        var started = await cim.InvokeMethodAsync(target, call);
        Assert.True(started.ReturnValue == 4096, $"{call.Method} did not start a job:\n{started}");
        var job = started.Reference("Job");
        Assert.True(job is not null, $"{call.Method} returned 4096 without a Job:\n{started}");
        Assert.Equal("CIM_ConcreteJob", job.ClassName);
        var states = await cim.PollJobAsync(job);
        return new FinishedJob(started, job, states, await cim.ReferencesAsync(job, "CIM_AffectedJobElement"));
    }

    /// <summary>Invokes a method that runs as a job and asserts the job completed (JobState 7).</summary>
    public static async Task<FinishedJob> CompleteAsync(CimClient cim, Epr target, MethodCall call) =>
        (await RunAsJobAsync(cim, target, call)).AssertCompleted();

    /// <summary>
    /// 9.4.3: CreateSnapshot(AffectedSystem, SnapshotType 2) on the snapshot service. It runs as a job, so
    /// ResultingSnapshot is NULL (8.3.1.4) and the new snapshot is the AffectedElement whose ElementEffects[0]
    /// is 5 (Create) once the job completes (8.1.2).
    /// </summary>
    public static async Task<Epr> CreateSnapshotAsync(CimClient cim, Epr snapshotService, Epr system, string? elementName = null)
    {
        var call = new MethodCall("CreateSnapshot").Reference("AffectedSystem", system).Value("SnapshotType", 2);
        if (elementName is not null) call.Embedded("SnapshotSettings", new EmbeddedInstance(VirtualSystemSettingData, ("ElementName", elementName)));
        var job = await CompleteAsync(cim, snapshotService, call);
        Assert.Null(job.Started.Reference("ResultingSnapshot"));
        var snapshot = job.Created;
        Assert.Equal(VirtualSystemSettingData, snapshot.ClassName);
        return snapshot;
    }

    /// <summary>9.4.9: ApplySnapshot(Snapshot) on the snapshot service, run to completion; the job affects the system (ElementEffects[0] 0).</summary>
    public static async Task<FinishedJob> ApplySnapshotAsync(CimClient cim, Epr snapshotService, Epr snapshot) =>
        await CompleteAsync(cim, snapshotService, new MethodCall("ApplySnapshot").Reference("Snapshot", snapshot));

    /// <summary>RequestStateChange(RequestedState) on a virtual system, run to completion.</summary>
    public static Task<FinishedJob> ChangeStateAsync(CimClient cim, Epr system, int requestedState) =>
        CompleteAsync(cim, system, new MethodCall("RequestStateChange").Value("RequestedState", requestedState));
}

/// <summary>A method's job once finished: the method's output, the job's EPR, every state polled, and its CIM_AffectedJobElement associations.</summary>
public sealed record FinishedJob(MethodResult Started, Epr Job, List<XElement> States, List<NamedInstance> Affected)
{
    public XElement Last => States[^1];

    public string JobState => Last.Prop("JobState")!;

    public FinishedJob AssertCompleted()
    {
        Assert.True(JobState == "7", $"The job did not complete:\n{Last}");
        Assert.Equal("100", Last.Prop("PercentComplete"));
        return this;
    }

    /// <summary>What the job created: the AffectedElement of the one association whose ElementEffects[0] is 5 (Create).</summary>
    public Epr Created => Assert.Single(Affected, a => a.Values("ElementEffects").FirstOrDefault() == "5").Ref("AffectedElement");
}
