using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class CapabilitiesXmlTests
{
    [Fact]
    public void Qemu_host_targets_kvm_on_its_arch_with_the_default_machine_alias()
    {
        var capabilities = CapabilitiesXml.Read(Samples.Read("qemu-capabilities.xml"));

        Assert.Equal(Guid.Parse("4c4c4544-0042-3510-8052-b8c04f4e3232"), capabilities.HostUuid);
        Assert.Equal("Skylake-Client-IBRS", capabilities.CpuModel);
        Assert.Equal(new DomainTarget("kvm", "x86_64", "hvm", "pc", "/usr/bin/qemu-system-x86_64"), capabilities.Target);
    }

    [Fact]
    public void Test_driver_targets_test_and_has_no_host_uuid()
    {
        var capabilities = CapabilitiesXml.Read(Samples.Read("test-capabilities.xml"));

        Assert.Equal(Guid.Empty, capabilities.HostUuid);
        Assert.Equal("i686", capabilities.CpuModel);
        Assert.Equal(new DomainTarget("test", "i686", "hvm", null, "/usr/bin/test-hv"), capabilities.Target);
    }

    [Fact]
    public void Without_kvm_the_target_is_qemu()
    {
        var xml = Samples.Read("qemu-capabilities.xml").Replace("<domain type='kvm'/>", "", StringComparison.Ordinal);

        Assert.Equal("qemu", CapabilitiesXml.Read(xml).Target.DomainType);
    }

    [Fact]
    public void A_domain_type_s_own_emulator_and_machines_win_over_the_arch_s()
    {
        const string xml = """
            <capabilities><host><cpu><arch>x86_64</arch></cpu></host>
              <guest><os_type>hvm</os_type><arch name='x86_64'><emulator>/usr/bin/qemu</emulator><machine>pc</machine>
                <domain type='qemu'/>
                <domain type='kvm'><emulator>/usr/bin/qemu-kvm</emulator><machine>pc-i440fx-rhel7.6.0</machine></domain>
              </arch></guest>
            </capabilities>
            """;

        Assert.Equal(new DomainTarget("kvm", "x86_64", "hvm", "pc-i440fx-rhel7.6.0", "/usr/bin/qemu-kvm"),
            CapabilitiesXml.Read(xml).Target);
    }

    [Fact]
    public void Without_an_hvm_guest_of_the_host_arch_the_first_guest_is_the_target()
    {
        const string xml = """
            <capabilities><host><cpu><arch>aarch64</arch></cpu></host>
              <guest><os_type>xen</os_type><arch name='x86_64'><domain type='xen'/></arch></guest>
              <guest><os_type>hvm</os_type><arch name='x86_64'><domain type='xen'/></arch></guest>
            </capabilities>
            """;

        Assert.Equal(new DomainTarget("xen", "x86_64", "xen", null, null), CapabilitiesXml.Read(xml).Target);
    }

    [Theory]
    [InlineData("<capabilities><host><cpu><arch>x86_64</arch></cpu></host></capabilities>", "no <guest>")]
    [InlineData("<capabilities><guest/></capabilities>", "no <host>")]
    [InlineData("<capabilities><host><cpu/></host><guest/></capabilities>", "neither <model> nor <arch>")]
    [InlineData("<capabilities><host><uuid>nope</uuid><cpu><arch>x</arch></cpu></host></capabilities>", "not a UUID")]
    [InlineData("<capabilities><host><cpu><arch>x</arch></cpu></host><guest><os_type>hvm</os_type><arch name='x'/></guest></capabilities>", "offers no <domain>")]
    [InlineData("<domain/>", "Expected libvirt <capabilities>")]
    public void Incomplete_capabilities_fail(string xml, string message)
    {
        var e = Assert.Throws<HypervisorException>(() => CapabilitiesXml.Read(xml));

        Assert.Equal(HypervisorError.Failed, e.Error);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
