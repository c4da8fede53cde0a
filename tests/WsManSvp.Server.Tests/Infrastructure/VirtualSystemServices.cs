namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// The host's DSP1042 services as EPRs, and the calls the job tests repeat: DefineSystem of a small system,
/// a state change, DestroySystem, each as a client makes it.
/// </summary>
public static class VirtualSystemServices
{
    public static Epr Management => ModelEprs.Of("CIM_VirtualSystemManagementService", ModelEprs.Implementation,
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServerFixture.HostName),
        ("CreationClassName", "CIM_VirtualSystemManagementService"), ("Name", "VirtualSystemManagementService"));

    public static Epr Snapshots => ModelEprs.Of("CIM_VirtualSystemSnapshotService", ModelEprs.Implementation,
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServerFixture.HostName),
        ("CreationClassName", "CIM_VirtualSystemSnapshotService"), ("Name", "VirtualSystemSnapshotService"));

    /// <summary>DefineSystem of a system named <paramref name="name"/> with 1 GiB of memory; asserts 0 and returns ResultingSystem.</summary>
    public static async Task<Epr> DefineAsync(CimClient cim, string name)
    {
        var defined = await cim.InvokeMethodAsync(Management, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", new EmbeddedInstance("CIM_VirtualSystemSettingData", ("ElementName", name)))
            .Embedded("ResourceSettings", new EmbeddedInstance("CIM_ResourceAllocationSettingData",
                ("ResourceType", (ushort)4), ("VirtualQuantity", 1UL), ("AllocationUnits", "GigaBytes"))));
        Assert.True(defined.ReturnValue == 0, $"DefineSystem of {name} returned {defined.ReturnValue}:\n{defined}");
        var system = defined.Reference("ResultingSystem");
        Assert.True(system is not null, $"DefineSystem of {name} returned no ResultingSystem:\n{defined}");
        return system;
    }

    /// <summary>RequestStateChange on a virtual system; asserts 4096 and returns the Job.</summary>
    public static async Task<Epr> RequestStateChangeAsync(CimClient cim, Epr system, int requestedState)
    {
        var reply = await cim.InvokeMethodAsync(system, new MethodCall("RequestStateChange").Value("RequestedState", requestedState));
        Assert.True(reply.ReturnValue == 4096, $"RequestStateChange({requestedState}) returned {reply.ReturnValue}:\n{reply}");
        return reply.Reference("Job")!;
    }

    /// <summary>DestroySystem; asserts 4096 and returns the Job.</summary>
    public static async Task<Epr> DestroyAsync(CimClient cim, Epr system)
    {
        var reply = await cim.InvokeMethodAsync(Management, new MethodCall("DestroySystem").Reference("AffectedSystem", system));
        Assert.True(reply.ReturnValue == 4096, $"DestroySystem returned {reply.ReturnValue}:\n{reply}");
        return reply.Reference("Job")!;
    }

    /// <summary>Polls the job until it finishes and returns its last state.</summary>
    public static async Task<JobView> FinishedAsync(CimClient cim, Epr job, TimeSpan? interval = null) =>
        new((await cim.PollJobAsync(job, interval))[^1]);
}
