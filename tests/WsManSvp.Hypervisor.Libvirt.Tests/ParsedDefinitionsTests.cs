using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class ParsedDefinitionsTests
{
    private static readonly DomainTarget Target = new("test", "x86_64", "hvm", null, null);
    private static readonly StoragePoolFacts[] Pools = [new("default-pool", "dir", "/default-pool", 1L << 40, 0)];

    private static string Xml(string name, long memoryMiB) =>
        DomainXml.Write(new SystemDefinition(name, 1, memoryMiB, [new VirtualDisk("vda", "/default-pool/a.qcow2", 0)], []) { Uuid = Guid.Parse("11111111-2222-3333-4444-555555555555") }, Target, null);

    [Fact]
    public void The_same_document_with_the_same_pools_is_parsed_once()
    {
        var parsed = new ParsedDefinitions();
        var id = Guid.NewGuid();
        var xml = Xml("a", 512);

        var first = parsed.Read(id, live: false, xml, Pools);

        Assert.Same(first, parsed.Read(id, live: false, new string(xml.AsSpan()), [.. Pools]));
        Assert.Equal((512L, "/default-pool/a.qcow2", "default-pool"), (first.MemoryMiB, first.Disks[0].Path, first.Disks[0].StoragePool));
    }

    [Fact]
    public void A_changed_document_other_pools_or_the_other_kind_are_parsed_again()
    {
        var parsed = new ParsedDefinitions();
        var id = Guid.NewGuid();
        var first = parsed.Read(id, live: false, Xml("a", 512), Pools);

        var changed = parsed.Read(id, live: false, Xml("a", 1024), Pools);
        var repooled = parsed.Read(id, live: false, Xml("a", 1024), [Pools[0] with { TargetPath = "/elsewhere" }]);
        var live = parsed.Read(id, live: true, Xml("a", 1024), Pools);

        Assert.Equal(1024, changed.MemoryMiB);
        Assert.NotSame(first, changed);
        Assert.Equal("default-pool", changed.Disks[0].StoragePool);
        Assert.Equal("", repooled.Disks[0].StoragePool);
        Assert.NotSame(changed, live);
    }
}
