namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>A storage pool as its XML (virStoragePoolGetXMLDesc) describes it.</summary>
public sealed record StoragePoolFacts(string Name, string Type, string? TargetPath, long CapacityBytes, long AllocationBytes);
