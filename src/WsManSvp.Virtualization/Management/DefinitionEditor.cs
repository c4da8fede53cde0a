using System.Numerics;
using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// Applies resource allocation requests (RASDs, DSP1041 with DSP1043's limits) to a system definition:
/// adding, modifying and removing processors, memory, disks, network adapters and displays. Every request is
/// checked first; a rejection (<see cref="RequestRejected"/>) names the request and the property, and
/// the edits are only used when all requests pass, so nothing changes by halves.
/// </summary>
public sealed class DefinitionEditor
{
    private static readonly HashSet<string> NicModels = new(StringComparer.Ordinal) { "virtio", "e1000", "e1000e", "rtl8139", "ne2k_pci", "pcnet", "vmxnet3" };

    private readonly SystemDefinition _original;
    private readonly AllocationContext _pools;
    private readonly List<VirtualDisk> _disks;
    private readonly List<VirtualNetworkAdapter> _adapters;
    private readonly List<VirtualGraphics> _graphics;
    private int _cpus;
    private long _memoryMiB;
    private int? _weight;

    public DefinitionEditor(SystemDefinition definition, AllocationContext pools)
    {
        _original = definition;
        _pools = pools;
        _disks = [.. definition.Disks];
        _adapters = [.. definition.NetworkAdapters];
        _graphics = [.. definition.Graphics];
        _cpus = definition.VirtualCpus;
        _memoryMiB = definition.MemoryMiB;
        _weight = definition.ProcessorWeight;
    }

    /// <summary>The system's name, for image files made for new disks.</summary>
    public string Name { get; set; } = "";

    public SystemDefinition Build() => _original with
    {
        Name = Name.Length > 0 ? Name : _original.Name,
        VirtualCpus = _cpus,
        MemoryMiB = _memoryMiB,
        ProcessorWeight = _weight,
        Disks = [.. _disks],
        NetworkAdapters = [.. _adapters],
        Graphics = [.. _graphics],
    };

    /// <summary>
    /// Whether the edits change the definition: requests that restate what is there are no request, so they
    /// need not reach the hypervisor (whose redefinition would be a change event all the same).
    /// </summary>
    public bool Changes
    {
        get
        {
            var built = Build();
            return WithoutLists(built) != WithoutLists(_original)
                || !built.Disks.SequenceEqual(_original.Disks) || !built.NetworkAdapters.SequenceEqual(_original.NetworkAdapters)
                || !built.Graphics.SequenceEqual(_original.Graphics);
        }
    }

    // Records compare their lists by reference: the same empty ones stand in for both sides' lists.
    private static readonly VirtualDisk[] NoDisks = [];
    private static readonly VirtualNetworkAdapter[] NoAdapters = [];
    private static readonly VirtualGraphics[] NoGraphics = [];

    private static SystemDefinition WithoutLists(SystemDefinition definition) =>
        definition with { Disks = NoDisks, NetworkAdapters = NoAdapters, Graphics = NoGraphics };

    /// <summary>
    /// Adds what a request asks for and returns the keys of the allocations it made. A drive or adapter may
    /// come with its medium or connection (<paramref name="part"/>: the request whose Parent names it).
    /// Processor and memory requests set the system's one allocation of each when <paramref name="setsSingletons"/>
    /// (DefineSystem), and are refused otherwise (AddResourceSettings: a system has one of each).
    /// </summary>
    public IReadOnlyList<string> Add(RasdInput request, RasdInput? part, bool setsSingletons)
    {
        switch (request.ResourceType)
        {
            case ResourceTypes.Processor or ResourceTypes.Memory when !setsSingletons:
                throw request.Invalid("a system has exactly one processor and one memory allocation; change them with ModifyResourceSettings.");
            case ResourceTypes.Processor:
                SetProcessor(request, given: name => request.Value(name) is not null);
                return [VirtualResources.ProcessorKey];
            case ResourceTypes.Memory:
                SetMemory(request, given: name => request.Value(name) is not null);
                return [VirtualResources.MemoryKey];
            case ResourceTypes.DiskDrive or ResourceTypes.CdDrive or ResourceTypes.DvdDrive or ResourceTypes.LogicalDisk:
                return AddDisk(request, part ?? request);
            case ResourceTypes.EthernetAdapter or ResourceTypes.EthernetConnection:
                return AddAdapter(request, part ?? request);
            case ResourceTypes.GraphicsController:
                return AddGraphics(request);
            case ResourceTypes.IdeController or ResourceTypes.ParallelScsiHba:
                throw request.Invalid("controllers follow from the drives' buses: give a drive's bus (ide, scsi, sata, virtio) in its ResourceSubType.");
            case null:
                throw request.Invalid("ResourceType is required.");
            case var other:
                throw request.Invalid($"ResourceType {other} is not a kind of resource this host allocates (3, 4, 10, 15, 16, 17, 24, 31 or 33).");
        }
    }

    /// <summary>
    /// Changes an allocation as a request asks (ModifyResourceSettings, Put): properties left NULL or equal to
    /// <paramref name="current"/> are no request; any other must be one this kind of allocation lets change.
    /// A request that only attaches (a medium or connection added to an existing drive or adapter) is not
    /// <paramref name="strict"/>: what it cannot change is ignored, as in an addition.
    /// </summary>
    public void Modify(RasdInput request, VirtualResource resource, CimInstance current, bool strict = true)
    {
        if (strict) CheckChangesAllowed(request, current, ModifiableProperties(resource.Role));
        bool Given(string name) => request.Value(name) is { } value && !(current.Class.GetProperty(name) is { } p && current[p] == value);
        switch (resource.Role)
        {
            case ResourceRole.Processor:
                SetProcessor(request, Given);
                break;
            case ResourceRole.Memory:
                SetMemory(request, Given);
                break;
            case ResourceRole.Medium:
                ModifyMedium(request, resource.Disk!, Given);
                break;
            case ResourceRole.NetworkAdapter:
                ModifyAdapter(request, resource.Adapter!, Given);
                break;
            case ResourceRole.NetworkConnection:
                if (Given("Connection") || Given("HostResource") || Given("PoolID"))
                    Replace(resource.Adapter!, resource.Adapter! with { Network = NetworkOf(request).Name });
                break;
            case ResourceRole.Graphics:
                if (Given("Address"))
                {
                    var (listen, port) = EndpointOf(request);
                    _graphics[_graphics.FindIndex(g => g.Type == resource.Graphics!.Type)] = resource.Graphics! with { Listen = listen, Port = port };
                }
                break;
        }
    }

    /// <summary>Removes an allocation: a drive or its medium removes the disk, an adapter or its connection the adapter.</summary>
    public void Remove(VirtualResource resource, string label)
    {
        switch (resource.Role)
        {
            case ResourceRole.Drive or ResourceRole.Medium:
                _disks.RemoveAll(d => d.Device == resource.Disk!.Device);
                break;
            case ResourceRole.NetworkAdapter or ResourceRole.NetworkConnection:
                _adapters.RemoveAll(a => a.MacAddress == resource.Adapter!.MacAddress);
                break;
            case ResourceRole.Graphics:
                _graphics.RemoveAll(g => g.Type == resource.Graphics!.Type);
                break;
            default:
                throw new RequestRejected(MethodCodes.InvalidParameter,
                    $"{label}: the {resource.ElementName.ToLowerInvariant()} allocation cannot be removed" +
                    (resource.Role == ResourceRole.Controller ? "; it goes with the last drive on its bus." : "; a system always has one."));
        }
    }

    private static IReadOnlySet<string> ModifiableProperties(ResourceRole role) => role switch
    {
        ResourceRole.Processor => new HashSet<string> { "VirtualQuantity", "VirtualQuantityUnits", "AllocationUnits", "Reservation", "Limit", "Weight" },
        ResourceRole.Memory => new HashSet<string> { "VirtualQuantity", "VirtualQuantityUnits", "AllocationUnits", "Reservation", "Limit" },
        ResourceRole.Medium => new HashSet<string> { "HostResource", "VirtualQuantity", "VirtualQuantityUnits", "AllocationUnits" },
        // The address is the adapter's identity (its allocation's InstanceID), so it does not change; the model does.
        ResourceRole.NetworkAdapter => new HashSet<string> { "ResourceSubType" },
        ResourceRole.NetworkConnection => new HashSet<string> { "Connection", "HostResource", "PoolID" },
        // The type is the display's identity (its allocation's InstanceID); where it listens changes.
        ResourceRole.Graphics => new HashSet<string> { "Address" },
        _ => new HashSet<string>(),
    };

    private static void CheckChangesAllowed(RasdInput request, CimInstance current, IReadOnlySet<string> modifiable)
    {
        foreach (var property in request.Instance.Class.Properties)
        {
            var value = request.Instance[property];
            if (value.IsNull || modifiable.Contains(property.Name)) continue;
            var now = current.Class.GetProperty(property.Name) is { } p ? current[p] : CimValue.Null(property.Type, property.IsArray);
            if (now != value)
                throw request.Invalid($"{property.Name} cannot be changed here (it is {now}; the request says {value}).");
        }
    }

    private void SetProcessor(RasdInput request, Func<string, bool> given)
    {
        var pool = PoolOf(request, ResourceKind.Processor);
        if (GivenQuantity(given, "VirtualQuantity") && request.Quantity("VirtualQuantity", ResourceKind.Processor) is { } cpus)
            _cpus = (int)CheckRange(request, "VirtualQuantity", cpus, pool, "processors");
        CheckReservationAndLimit(request, given, ResourceKind.Processor, _cpus, "processors");
        if (given("Weight") && request.UInt("Weight") is { } weight)
        {
            if (weight is < AllocationLimits.MinimumProcessorWeight or > AllocationLimits.MaximumProcessorWeight)
                throw request.Invalid($"Weight {weight} is outside {AllocationLimits.MinimumProcessorWeight}..{AllocationLimits.MaximumProcessorWeight}.");
            _weight = (int)weight;
        }
    }

    private void SetMemory(RasdInput request, Func<string, bool> given)
    {
        var pool = PoolOf(request, ResourceKind.Memory);
        if (GivenQuantity(given, "VirtualQuantity") && request.Quantity("VirtualQuantity", ResourceKind.Memory) is { } bytes)
            _memoryMiB = CheckRange(request, "VirtualQuantity", MiB(request, "VirtualQuantity", bytes), pool, "MiB");
        CheckReservationAndLimit(request, given, ResourceKind.Memory, _memoryMiB, "MiB");
        if (given("Weight")) throw request.Invalid("memory allocations take no Weight.");
    }

    /// <summary>
    /// Allocations are static: what is allocated is reserved in full and is also the limit, as the pool's
    /// capability settings state. A Reservation or Limit asked for must therefore equal the VirtualQuantity.
    /// </summary>
    private static void CheckReservationAndLimit(RasdInput request, Func<string, bool> given, ResourceKind kind, long quantity, string unit)
    {
        foreach (var property in (string[])["Reservation", "Limit"])
        {
            if (!GivenQuantity(given, property) || request.Quantity(property, kind) is not { } value) continue;
            var asked = kind == ResourceKind.Memory ? MiB(request, property, value) : (long)value;
            if (asked != quantity)
                throw request.Invalid($"{property} {asked} {unit} differs from the VirtualQuantity {quantity} {unit}: allocations here are static, reserved in full and limited to what is allocated.");
        }
    }

    private static bool GivenQuantity(Func<string, bool> given, string property) =>
        given(property) || given("AllocationUnits") || (property == "VirtualQuantity" && given("VirtualQuantityUnits"));

    private long CheckRange(RasdInput request, string property, BigInteger value, ResourcePoolInfo pool, string unit)
    {
        var minimum = _pools.Limit(pool, CapabilityRole.Minimum);
        var maximum = _pools.Limit(pool, CapabilityRole.Maximum);
        var increment = _pools.Limit(pool, CapabilityRole.Increment);
        if (value < minimum || value > maximum || (value - minimum) % increment != 0)
            throw request.Invalid($"{property} {value} {unit} is outside what pool {pool.Name} allows: {minimum} to {maximum} in steps of {increment}.");
        return (long)value;
    }

    private static long MiB(RasdInput request, string property, BigInteger bytes)
    {
        if (bytes % (1 << 20) != 0) throw request.Invalid($"{property} is {bytes} bytes, not a whole number of MiB.");
        return (long)BigInteger.Min(bytes >> 20, long.MaxValue);
    }

    /// <summary>The pool a request names in PoolID (which must exist and be of the kind), else the kind's default.</summary>
    private ResourcePoolInfo PoolOf(RasdInput request, ResourceKind kind)
    {
        if (request.String("PoolID") is not { } poolId) return _pools.DefaultPool(kind);
        return _pools.PoolById(poolId, kind) ?? throw request.Invalid($"PoolID '{poolId}' names no {kind.ToString().ToLowerInvariant()} pool of this host.");
    }

    private IReadOnlyList<string> AddDisk(RasdInput drive, RasdInput medium)
    {
        var type = drive.ResourceType;
        var isCdrom = type is ResourceTypes.CdDrive or ResourceTypes.DvdDrive;
        var pool = PoolOf(medium, ResourceKind.Storage);
        var requestedDevice = drive.String("AddressOnParent") ?? drive.String("Address");
        var bus = BusOf(drive, requestedDevice, isCdrom);
        if (isCdrom && bus == DiskBus.Virtio) throw drive.Invalid("CD and DVD drives cannot sit on the virtio bus; use ide, sata or scsi.");
        var device = requestedDevice ?? NextDevice(bus);
        if (!device.StartsWith(DevicePrefix(bus), StringComparison.Ordinal) || device.Length < 3 || !device[2..].All(char.IsAsciiLetterLower))
            throw drive.Invalid($"'{device}' is not a device name on the {bus.ToString().ToLowerInvariant()} bus (like {DevicePrefix(bus)}a).");
        if (_disks.Any(d => d.Device == device)) throw drive.Invalid($"the system already has a drive {device}.");
        var capacity = medium.Quantity("VirtualQuantity", ResourceKind.Storage) is { } bytes
            ? (isCdrom ? (long)bytes : CheckRange(medium, "VirtualQuantity", bytes, pool, "bytes"))
            : isCdrom ? 0 : _pools.Limit(pool, CapabilityRole.Default);
        var path = medium.FirstString("HostResource") ?? (isCdrom
            ? throw drive.Invalid("a CD or DVD drive needs its image's path in HostResource.")
            : NewImagePath(drive, pool, device));
        _disks.Add(new VirtualDisk(device, path, capacity, bus, isCdrom, pool.Name));
        return [device, VirtualResources.MediumKey(device)];
    }

    private void ModifyMedium(RasdInput request, VirtualDisk disk, Func<string, bool> given)
    {
        var changed = disk;
        if (given("HostResource"))
            changed = changed with { Path = request.FirstString("HostResource") ?? throw request.Invalid("HostResource cannot be emptied; remove the drive instead.") };
        if (GivenQuantity(given, "VirtualQuantity") && request.Quantity("VirtualQuantity", ResourceKind.Storage) is { } bytes)
        {
            var pool = _pools.Pool(ResourceKind.Storage, disk.StoragePool) ?? _pools.DefaultPool(ResourceKind.Storage);
            var capacity = disk.IsCdrom ? (long)bytes : CheckRange(request, "VirtualQuantity", bytes, pool, "bytes");
            if (!disk.IsCdrom && capacity < disk.CapacityBytes)
                throw request.Invalid($"VirtualQuantity {capacity} bytes would shrink the disk (now {disk.CapacityBytes} bytes); disks only grow.");
            changed = changed with { CapacityBytes = capacity };
        }
        _disks[_disks.FindIndex(d => d.Device == disk.Device)] = changed;
    }

    private DiskBus BusOf(RasdInput drive, string? device, bool isCdrom)
    {
        if (drive.String("ResourceSubType") is { } subType)
            return Enum.TryParse<DiskBus>(subType, ignoreCase: true, out var bus) && Enum.IsDefined(bus)
                ? bus
                : throw drive.Invalid($"ResourceSubType '{subType}' is not a disk bus (virtio, ide, scsi, sata).");
        return device switch
        {
            not null when device.StartsWith("vd", StringComparison.Ordinal) => DiskBus.Virtio,
            not null when device.StartsWith("hd", StringComparison.Ordinal) => DiskBus.Ide,
            not null when device.StartsWith("sd", StringComparison.Ordinal) => DiskBus.Scsi,
            _ => isCdrom ? DiskBus.Ide : DiskBus.Virtio,
        };
    }

    private static string DevicePrefix(DiskBus bus) => bus switch
    {
        DiskBus.Virtio => "vd",
        DiskBus.Ide => "hd",
        _ => "sd",
    };

    private string NextDevice(DiskBus bus)
    {
        var prefix = DevicePrefix(bus);
        for (var c = 'a'; c <= 'z'; c++)
            if (_disks.All(d => d.Device != prefix + c)) return prefix + c;
        throw new RequestRejected(MethodCodes.InvalidParameter, $"no free device name on the {bus.ToString().ToLowerInvariant()} bus.");
    }

    private string NewImagePath(RasdInput request, ResourcePoolInfo pool, string device) =>
        pool.Location is { } directory
            ? Path.Combine(directory, $"{(Name.Length > 0 ? Name : _original.Name)}-{device}.qcow2")
            : throw request.Invalid($"storage pool {pool.Name} has no location for new images; give the image's path in HostResource.");

    private IReadOnlyList<string> AddAdapter(RasdInput adapter, RasdInput connection)
    {
        var mac = adapter.ResourceType == ResourceTypes.EthernetAdapter && adapter.String("Address") is { } address
            ? NormalizeMac(adapter, address)
            : NewMac();
        if (_adapters.Any(a => a.MacAddress == mac)) throw adapter.Invalid($"the system already has an adapter with address {mac}.");
        var model = adapter.ResourceType == ResourceTypes.EthernetAdapter ? ModelOf(adapter) : "virtio";
        _adapters.Add(new VirtualNetworkAdapter(mac, NetworkOf(connection).Name, model));
        return [mac, VirtualResources.ConnectionKey(mac)];
    }

    private void ModifyAdapter(RasdInput request, VirtualNetworkAdapter adapter, Func<string, bool> given)
    {
        if (given("ResourceSubType")) Replace(adapter, adapter with { Model = ModelOf(request) });
    }

    private void Replace(VirtualNetworkAdapter adapter, VirtualNetworkAdapter changed) =>
        _adapters[_adapters.FindIndex(a => a.MacAddress == adapter.MacAddress)] = changed;

    private static string ModelOf(RasdInput adapter)
    {
        var model = adapter.String("ResourceSubType") ?? "virtio";
        return NicModels.Contains(model) ? model : throw adapter.Invalid($"ResourceSubType '{model}' is not an adapter model ({string.Join(", ", NicModels)}).");
    }

    /// <summary>The network a connection request names: Connection[0], HostResource[0] or PoolID; the default network when none.</summary>
    private ResourcePoolInfo NetworkOf(RasdInput request)
    {
        var named = request.FirstString("Connection") ?? request.FirstString("HostResource");
        if (named is not null)
            return _pools.Pool(ResourceKind.Network, named) ?? throw request.Invalid($"there is no network named '{named}'.");
        return PoolOf(request, ResourceKind.Network);
    }

    private IReadOnlyList<string> AddGraphics(RasdInput request)
    {
        var type = request.String("ResourceSubType") ?? GraphicsTypes.Vnc;
        if (!GraphicsTypes.All.Contains(type))
            throw request.Invalid($"ResourceSubType '{type}' is not a graphics type ({string.Join(", ", GraphicsTypes.All)}).");
        if (_graphics.Any(g => g.Type == type)) throw request.Invalid($"the system already has a {type} display.");
        var (listen, port) = EndpointOf(request);
        _graphics.Add(new VirtualGraphics(type, listen, port));
        return [VirtualResources.GraphicsKey(type)];
    }

    /// <summary>Where a display listens (Address); none given is the hypervisor's default address and a port chosen at start.</summary>
    private static (string? Listen, int? Port) EndpointOf(RasdInput request)
    {
        if (request.String("Address") is not { Length: > 0 } address) return (null, null);
        return GraphicsAddress.TryParse(address, out var listen, out var port)
            ? (listen, port)
            : throw request.Invalid($"Address '{address}' is not a display endpoint (host, host:port, :port or [IPv6 address]:port; ports 1..65535).");
    }

    private static string NormalizeMac(RasdInput request, string address)
    {
        var hex = new string(address.Where(char.IsAsciiHexDigit).ToArray()).ToLowerInvariant();
        if (hex.Length != 12 || address.Any(c => !char.IsAsciiHexDigit(c) && c is not (':' or '-')) ||
            (Convert.ToByte(hex[..2], 16) & 1) == 1)
            throw request.Invalid($"Address '{address}' is not a unicast MAC address.");
        return string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2)));
    }

    private string NewMac()
    {
        Span<byte> random = stackalloc byte[3];
        while (true)
        {
            Random.Shared.NextBytes(random);
            // 52:54:00 is the locally administered prefix QEMU and libvirt use.
            var mac = $"52:54:00:{random[0]:x2}:{random[1]:x2}:{random[2]:x2}";
            if (_adapters.All(a => a.MacAddress != mac)) return mac;
        }
    }
}
