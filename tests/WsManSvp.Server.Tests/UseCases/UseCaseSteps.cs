using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// The DSP1042 clause 9.2 use cases that later use cases start from ("see 9.2.4"), step by step as the
/// clause writes them. Each takes what the earlier one found, never a key written by hand.
/// </summary>
public static class UseCaseSteps
{
    public const string SystemVirtualization = "System Virtualization";

    /// <summary>The names of the scoped resource allocation profiles in DSP1042 Table 1 (9.2.5 step 2 matches on them).</summary>
    public static readonly IReadOnlySet<string> Table1ResourceAllocationProfiles = new HashSet<string>
    {
        "Processor Device Resource Virtualization",
        "Memory Resource Virtualization",
        "Storage Adapter Resource Virtualization",
        "Generic Device Resource Virtualization",
    };

    /// <summary>9.2.2: EnumerateInstances(CIM_RegisteredProfile), then keep DMTF "System Virtualization" 1.0.0 or later.</summary>
    public static async Task<List<NamedInstance>> LocateConformantImplementationsAsync(CimClient cim)
    {
        var profiles = await cim.EnumerateInstancesAsync("CIM_RegisteredProfile", CimClient.Interop);
        return profiles.Where(p => p.Prop("RegisteredOrganization") == "2"
            && p.Prop("RegisteredName") == SystemVirtualization
            && AtLeast(p.Prop("RegisteredVersion"), new Version(1, 0, 0))).ToList();
    }

    /// <summary>The one implementation of DSP1042 that 9.2.2 finds, as the later use cases assume.</summary>
    public static async Task<Epr> SystemVirtualizationProfileAsync(CimClient cim) =>
        Assert.Single(await LocateConformantImplementationsAsync(cim)).Path;

    /// <summary>9.2.4: AssociatorNames(profile, CIM_ElementConformsToProfile, CIM_System).</summary>
    public static Task<List<Epr>> LocateHostSystemsAsync(CimClient cim, Epr profile) =>
        cim.AssociatorNamesAsync(profile, "CIM_ElementConformsToProfile", "CIM_System");

    /// <summary>The host system 9.2.4 finds from the profile 9.2.2 finds.</summary>
    public static async Task<Epr> HostSystemAsync(CimClient cim) =>
        Assert.Single(await LocateHostSystemsAsync(cim, await SystemVirtualizationProfileAsync(cim)));

    /// <summary>9.2.5 step 1: Associators(profile, CIM_ReferencedProfile, CIM_RegisteredProfile).</summary>
    public static Task<List<NamedInstance>> ScopedProfilesAsync(CimClient cim, Epr profile) =>
        cim.AssociatorsAsync(profile, "CIM_ReferencedProfile", "CIM_RegisteredProfile");

    /// <summary>9.2.5: step 1, then step 2 keeps the profiles whose RegisteredName Table 1 lists.</summary>
    public static async Task<List<NamedInstance>> LocateScopedResourceAllocationProfilesAsync(CimClient cim, Epr profile) =>
        (await ScopedProfilesAsync(cim, profile)).Where(p => Table1ResourceAllocationProfiles.Contains(p.Prop("RegisteredName") ?? "")).ToList();

    /// <summary>
    /// 9.2.8 step 1: Associators(host, CIM_HostedResourcePool, CIM_ResourcePool); step 2 (keeping one
    /// resource type) is <see cref="OfResourceType"/>.
    /// </summary>
    public static Task<List<NamedInstance>> HostedResourcePoolsAsync(CimClient cim, Epr host) =>
        cim.AssociatorsAsync(host, "CIM_HostedResourcePool", "CIM_ResourcePool");

    public static List<NamedInstance> OfResourceType(this IEnumerable<NamedInstance> instances, int resourceType) =>
        instances.Where(i => i.Prop("ResourceType") == resourceType.ToString()).ToList();

    /// <summary>
    /// 9.2.9: Associators(scoped profile, CIM_ElementConformsToProfile, CIM_ResourcePool). This service
    /// advertises its pools as central instances, so the scoping-class branch (an empty list) is not taken.
    /// </summary>
    public static Task<List<NamedInstance>> CentralPoolsAsync(CimClient cim, Epr scopedProfile) =>
        cim.AssociatorsAsync(scopedProfile, "CIM_ElementConformsToProfile", "CIM_ResourcePool");

    /// <summary>
    /// 9.2.13 steps 1-3 from a pool or the host: Associators(start, CIM_ElementCapabilities,
    /// CIM_AllocationCapabilities), keep the requested resource type (step 2, needed only from the host), then
    /// References(each capabilities, CIM_SettingsDefineCapabilities).
    /// </summary>
    public static async Task<List<NamedInstance>> SettingsDefineCapabilitiesAsync(CimClient cim, Epr start, int resourceType)
    {
        var capabilities = (await cim.AssociatorsAsync(start, "CIM_ElementCapabilities", "CIM_AllocationCapabilities")).OfResourceType(resourceType);
        Assert.NotEmpty(capabilities);
        var associations = new List<NamedInstance>();
        foreach (var c in capabilities) associations.AddRange(await cim.ReferencesAsync(c.Path, "CIM_SettingsDefineCapabilities"));
        return associations;
    }

    /// <summary>9.2.16: AssociatorNames(host, "CIM_HostedSystem" as DSP1042 writes it, CIM_ComputerSystem).</summary>
    public static Task<List<Epr>> LocateVirtualSystemsAsync(CimClient cim, Epr host) =>
        cim.AssociatorNamesAsync(host, "CIM_HostedSystem", "CIM_ComputerSystem");

    /// <summary>
    /// The resource allocations of the running virtual system (what 9.2.12 and 9.2.14 assume known): its
    /// "State" configuration through CIM_SettingsDefineState (DSP1057), then that configuration's RASDs
    /// through CIM_VirtualSystemSettingDataComponent.
    /// </summary>
    public static async Task<List<NamedInstance>> RunningSystemResourceSettingsAsync(CimClient cim)
    {
        var host = await HostSystemAsync(cim);
        var running = new List<Epr>();
        foreach (var system in await LocateVirtualSystemsAsync(cim, host))
            if ((await cim.GetInstanceAsync(system)).Prop("EnabledState") == "2") running.Add(system);
        var state = Assert.Single(await cim.AssociatorNamesAsync(Assert.Single(running), "CIM_SettingsDefineState", "CIM_VirtualSystemSettingData"));
        return await cim.AssociatorsAsync(state, "CIM_VirtualSystemSettingDataComponent", "CIM_ResourceAllocationSettingData");
    }

    /// <summary>Versions compare as M.N.U numbers, so "1.10.0" is later than "1.9.0".</summary>
    private static bool AtLeast(string? version, Version minimum) =>
        Version.TryParse(version, out var v) && v >= minimum;
}
