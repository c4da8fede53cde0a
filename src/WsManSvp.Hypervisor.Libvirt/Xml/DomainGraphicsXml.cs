using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>The &lt;graphics&gt; elements of a domain's devices, as <see cref="VirtualGraphics"/>.</summary>
internal static class DomainGraphicsXml
{
    /// <summary>
    /// The display an element describes, or null for a type a definition does not describe (sdl, rdp, dbus...).
    /// The address is the listen attribute, else the first &lt;listen&gt; with an address; the port is null
    /// under autoport (a running domain's XML shows the port it got, which the next start may not).
    /// </summary>
    public static VirtualGraphics? Read(XElement element)
    {
        if (Type(element) is not { } type) return null;
        var listen = (string?)element.Attribute("listen") is { Length: > 0 } attribute
            ? attribute
            : element.Elements("listen").Select(l => (string?)l.Attribute("address")).FirstOrDefault(a => !string.IsNullOrEmpty(a));
        // libvirt writes port -1 for "choose one at start", as autoport does.
        var port = (string?)element.Attribute("autoport") == "yes" || (string?)element.Attribute("port") is not { } text || text.Trim() == "-1"
            ? (int?)null
            : LibvirtXml.ParseInt(text, "'port' of <graphics>");
        return new VirtualGraphics(type, listen, port is > 0 ? port : null);
    }

    /// <summary>The element's type when a definition describes it.</summary>
    public static string? Type(XElement element) =>
        (string?)element.Attribute("type") is { } type && GraphicsTypes.All.Contains(type) ? type : null;

    public static XElement New(VirtualGraphics graphics)
    {
        var element = new XElement("graphics", new XAttribute("type", graphics.Type));
        SetPort(element, graphics.Port);
        SetListen(element, graphics.Listen);
        return element;
    }

    /// <summary>Changes port and address where they differ, keeping everything else (passwd, keymap, channels, ...).</summary>
    public static void Update(XElement element, VirtualGraphics current, VirtualGraphics wanted)
    {
        if (current.Port != wanted.Port) SetPort(element, wanted.Port);
        if (current.Listen != wanted.Listen) SetListen(element, wanted.Listen);
    }

    public static void Validate(VirtualGraphics graphics)
    {
        if (!GraphicsTypes.All.Contains(graphics.Type))
            throw LibvirtXml.Invalid($"'{graphics.Type}' is not a graphics type ({string.Join(", ", GraphicsTypes.All)}).");
        if (graphics.Port is < 1 or > 65535)
            throw LibvirtXml.Invalid($"Graphics port {graphics.Port} is outside 1..65535.");
    }

    private static void SetPort(XElement element, int? port)
    {
        element.SetAttributeValue("port", port is { } fixedPort ? LibvirtXml.Format(fixedPort) : null);
        element.SetAttributeValue("autoport", port is null ? "yes" : "no");
    }

    /// <summary>
    /// A new address replaces the old listen attribute and listen elements (libvirt requires the attribute
    /// to match the first of them), as a new source replaces an interface's.
    /// </summary>
    private static void SetListen(XElement element, string? address)
    {
        element.Attribute("listen")?.Remove();
        element.Elements("listen").Remove();
        if (address is null) return;
        element.AddFirst(new XElement("listen", new XAttribute("type", "address"), new XAttribute("address", address)));
    }
}
