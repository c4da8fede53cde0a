using System.Diagnostics;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

/// <summary>
/// libvirt's own parser on the written XML: the test driver (test:///default) defines it and dumps it back. Its
/// state lives only as long as one virsh process, so each check is one command string; the
/// persistent (inactive) XML is read back, since the driver's "test" domain runs. Needs virsh on PATH.
/// </summary>
public class TestDriverTests
{
    private static readonly DomainTarget Test =
        CapabilitiesXml.Read(Samples.Read("test-capabilities.xml")).Target;

    [Fact]
    public async Task New_domain_is_accepted_and_reads_back_the_same()
    {
        var dumped = await DefineAndDump(DomainXml.Write(DomainXmlWriteTests.Full, Test, null), "vm1");

        Definitions.AssertSame(DomainXmlWriteTests.Full, DomainXml.Read(dumped, Samples.QemuPools));
    }

    [Fact]
    public async Task Edited_test_domain_is_accepted()
    {
        var existing = Samples.Read("test-domain.xml");
        var definition = DomainXml.Read(existing, Samples.TestPools);
        var edited = definition with
        {
            VirtualCpus = 1,
            MemoryMiB = 1024,
            Disks = [.. definition.Disks, new VirtualDisk("sda", "/default-pool/new.qcow2", 0, DiskBus.Scsi, false, "default-pool")],
            NetworkAdapters = [new VirtualNetworkAdapter("52:54:00:00:00:09", "bridge:br1", "e1000")],
            Description = "edited",
        };

        var dumped = await DefineAndDump(DomainXml.Write(edited, Test, existing, Samples.TestPools), "test");

        Definitions.AssertSame(edited, DomainXml.Read(dumped, Samples.TestPools));
    }

    [Fact]
    public async Task Edited_virt_install_domain_is_accepted()
    {
        // The test driver parses any domain of its own type; only the type differs from the QEMU sample.
        var existing = Samples.Read("kvm-domain.xml").Replace("<domain type='kvm'>", "<domain type='test'>", StringComparison.Ordinal);
        var current = DomainXml.Read(existing, Samples.QemuPools);
        var edited = current with
        {
            VirtualCpus = 4,
            MemoryMiB = 4096,
            ProcessorWeight = 2048,
            // In the order libvirt keeps disks in, by bus and then by name, whatever order they are defined in.
            Disks =
            [
                current.Disks[0] with { Bus = DiskBus.Scsi },
                new VirtualDisk("sdb", "/var/lib/libvirt/images/new.qcow2", 0, DiskBus.Scsi, false, "default"),
                current.Disks[2] with { Path = "/srv/iso/other.iso" },
            ],
            NetworkAdapters = [current.NetworkAdapters[0] with { Model = "e1000e" }, new VirtualNetworkAdapter("52:54:00:00:00:07", "isolated")],
            Graphics = [current.Graphics[0] with { Listen = "127.0.0.1", Port = 5930 }, new VirtualGraphics(GraphicsTypes.Vnc)],
        };

        var dumped = await DefineAndDump(DomainXml.Write(edited, Test, existing, Samples.QemuPools), "web01");

        Definitions.AssertSame(edited, DomainXml.Read(dumped, Samples.QemuPools));
    }

    private static async Task<string> DefineAndDump(string xml, string name)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, xml);
            var start = new ProcessStartInfo("virsh")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])["-c", "test:///default", $"define {file}; dumpxml --inactive {name}"])
                start.ArgumentList.Add(argument);
            using var virsh = Process.Start(start)!;
            var output = virsh.StandardOutput.ReadToEndAsync();
            var error = await virsh.StandardError.ReadToEndAsync();
            await virsh.WaitForExitAsync();
            Assert.True(virsh.ExitCode == 0, $"virsh failed: {error}");
            var text = await output;
            return text[text.IndexOf("<domain", StringComparison.Ordinal)..];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
