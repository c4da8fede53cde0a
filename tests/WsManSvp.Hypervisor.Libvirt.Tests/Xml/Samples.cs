using System.Runtime.CompilerServices;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

/// <summary>
/// The sample documents in Samples/, read from the source tree (found through this file's path) so that the
/// test project needs no copy-to-output items.
/// </summary>
internal static class Samples
{
    public static string Read(string name) => File.ReadAllText(System.IO.Path.Combine(Directory(), "Samples", name));

    /// <summary>The pools of the QEMU samples: the dir pool "default" at /var/lib/libvirt/images.</summary>
    public static IReadOnlyList<StoragePoolFacts> QemuPools { get; } = [StoragePoolXml.Read(Read("dir-pool.xml"))];

    /// <summary>The test driver's pool "default-pool" at /default-pool.</summary>
    public static IReadOnlyList<StoragePoolFacts> TestPools { get; } = [StoragePoolXml.Read(Read("test-pool.xml"))];

    private static string Directory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;
}

internal static class Definitions
{
    /// <summary>Compares definitions item by item: records compare their lists by reference.</summary>
    public static void AssertSame(SystemDefinition expected, SystemDefinition actual)
    {
        Assert.Equal(expected with { Disks = [], NetworkAdapters = [], Graphics = [] }, actual with { Disks = [], NetworkAdapters = [], Graphics = [] });
        Assert.Equal(expected.Disks, actual.Disks);
        Assert.Equal(expected.NetworkAdapters, actual.NetworkAdapters);
        Assert.Equal(expected.Graphics, actual.Graphics);
    }
}
