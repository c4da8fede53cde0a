using System.Xml.Linq;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

/// <summary>&lt;graphics&gt; read as displays, and written back matched by type, keeping what a display does not describe.</summary>
public class DomainXmlGraphicsTests
{
    private static readonly string Existing = Samples.Read("kvm-domain.xml");
    private static readonly SystemDefinition Current = DomainXml.Read(Existing, Samples.QemuPools);

    private static VirtualGraphics[] Read(string devices) =>
        [.. DomainXml.Read(DomainXmlReadTests.Domain(devices), []).Graphics];

    private static XElement Write(SystemDefinition definition, string? existing) =>
        XElement.Parse(DomainXml.Write(definition, DomainXmlWriteTests.Kvm, existing, Samples.QemuPools));

    private static XElement Graphics(XElement domain, string type) =>
        domain.Element("devices")!.Elements("graphics").Single(g => (string?)g.Attribute("type") == type);

    [Theory]
    [InlineData("<graphics type='vnc' port='5901' autoport='no' listen='0.0.0.0'/>", "0.0.0.0", 5901)]
    [InlineData("<graphics type='vnc' port='-1' autoport='yes'><listen type='address' address='127.0.0.1'/></graphics>", "127.0.0.1", null)]
    [InlineData("<graphics type='spice' port='5900' autoport='yes' listen='::1'><listen type='address' address='::1'/></graphics>", "::1", null)]
    [InlineData("<graphics type='spice' port='5930'><listen type='network' network='default'/></graphics>", null, 5930)]
    [InlineData("<graphics type='vnc'/>", null, null)]
    public void Listen_address_and_port_read_from_attributes_or_listen_elements_and_autoport_means_no_port(string xml, string? listen, int? port)
    {
        var type = (string)XElement.Parse(xml).Attribute("type")!;

        Assert.Equal([new VirtualGraphics(type, listen, port)], Read(xml));
    }

    [Fact]
    public void Displays_of_other_types_are_not_described()
    {
        Assert.Empty(Read("<graphics type='sdl' display=':0'/><graphics type='egl-headless'/><graphics type='dbus'/>"));
    }

    [Fact]
    public void A_new_domain_has_the_displays_of_its_definition()
    {
        var definition = DomainXmlWriteTests.Full with
        {
            Graphics = [new VirtualGraphics(GraphicsTypes.Vnc, "127.0.0.1", 5901), new VirtualGraphics(GraphicsTypes.Spice)],
        };

        var domain = Write(definition, null);

        Definitions.AssertSame(definition, DomainXml.Read(domain.ToString(), Samples.QemuPools));
        var vnc = Graphics(domain, "vnc");
        Assert.Equal(("5901", "no"), ((string?)vnc.Attribute("port"), (string?)vnc.Attribute("autoport")));
        Assert.Equal("127.0.0.1", (string?)vnc.Element("listen")?.Attribute("address"));
        var spice = Graphics(domain, "spice");
        Assert.Equal((null, "yes"), ((string?)spice.Attribute("port"), (string?)spice.Attribute("autoport")));
        Assert.Null(spice.Element("listen"));
    }

    [Fact]
    public void A_changed_display_keeps_its_password_keymap_and_channels_and_a_new_address_replaces_the_old()
    {
        var existing = DomainXmlReadTests.Domain("""
            <graphics type='spice' port='5903' autoport='no' listen='0.0.0.0' passwd='secret' keymap='de'>
              <listen type='address' address='0.0.0.0'/>
              <channel name='main' mode='secure'/>
              <image compression='off'/>
            </graphics>
            """);
        var current = DomainXml.Read(existing, []);

        var domain = Write(current with { Graphics = [new VirtualGraphics(GraphicsTypes.Spice, "192.168.1.5", null)] }, existing);

        var spice = Graphics(domain, "spice");
        Assert.Equal([new VirtualGraphics(GraphicsTypes.Spice, "192.168.1.5", null)], DomainXml.Read(domain.ToString(), []).Graphics);
        Assert.Equal(("secret", "de", "yes", null), ((string?)spice.Attribute("passwd"), (string?)spice.Attribute("keymap"),
            (string?)spice.Attribute("autoport"), (string?)spice.Attribute("port")));
        Assert.Null(spice.Attribute("listen"));
        Assert.Equal(["192.168.1.5"], spice.Elements("listen").Select(l => (string?)l.Attribute("address")));
        Assert.Equal(["listen", "channel", "image"], spice.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Unchanged_display_stays_as_it_was_and_a_display_of_another_type_is_added_after_it()
    {
        var domain = Write(Current with { Graphics = [.. Current.Graphics, new VirtualGraphics(GraphicsTypes.Vnc, Port: 5910)] }, Existing);

        var original = XElement.Parse(Existing);
        Assert.True(XNode.DeepEquals(Graphics(original, "spice"), Graphics(domain, "spice")));
        Assert.Same(Graphics(domain, "spice"), Graphics(domain, "vnc").ElementsBeforeSelf().Last());
        Assert.Equal(Current.Graphics.Append(new VirtualGraphics(GraphicsTypes.Vnc, null, 5910)),
            DomainXml.Read(domain.ToString(), Samples.QemuPools).Graphics);
    }

    [Fact]
    public void A_display_left_out_goes_and_one_of_a_type_not_described_stays()
    {
        var existing = DomainXmlReadTests.Domain("<graphics type='sdl' display=':0'/><graphics type='vnc' port='5900'/><video/>");

        var domain = Write(DomainXml.Read(existing, []) with { Graphics = [] }, existing);

        Assert.Equal(["sdl"], domain.Element("devices")!.Elements("graphics").Select(g => (string?)g.Attribute("type")));
    }

    [Theory]
    [InlineData("rdp", null)]
    [InlineData("vnc", 70000)]
    public void Bad_display_is_refused(string type, int? port)
    {
        var e = Assert.Throws<HypervisorException>(() =>
            DomainXml.Write(Current with { Graphics = [new VirtualGraphics(type, null, port)] }, DomainXmlWriteTests.Kvm, null));

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
    }

    [Fact]
    public void Two_displays_of_one_type_are_refused()
    {
        var definition = Current with { Graphics = [new VirtualGraphics(GraphicsTypes.Vnc), new VirtualGraphics(GraphicsTypes.Vnc, Port: 5901)] };

        Assert.Equal(HypervisorError.InvalidArgument,
            Assert.Throws<HypervisorException>(() => DomainXml.Write(definition, DomainXmlWriteTests.Kvm, null)).Error);
    }
}
