using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>The &lt;interface&gt; elements of a domain's devices, as <see cref="VirtualNetworkAdapter"/>s.</summary>
internal static partial class DomainInterfaceXml
{
    /// <summary>The prefix naming a host bridge rather than a libvirt network.</summary>
    public const string BridgePrefix = "bridge:";

    /// <summary>
    /// The adapter an element describes, or null for one a definition does not describe (user, direct,
    /// hostdev... interfaces, or one without a MAC). No model means "" (the hypervisor's default, which for
    /// QEMU depends on the machine type).
    /// </summary>
    public static VirtualNetworkAdapter? Read(XElement element)
    {
        if (Mac(element) is not { } mac || element.Element("source") is not { } source) return null;
        var network = (string?)element.Attribute("type") switch
        {
            "network" => (string?)source.Attribute("network"),
            "bridge" when (string?)source.Attribute("bridge") is { Length: > 0 } bridge => BridgePrefix + bridge,
            _ => null,
        };
        return string.IsNullOrEmpty(network)
            ? null
            : new VirtualNetworkAdapter(mac, network, (string?)element.Element("model")?.Attribute("type") ?? "");
    }

    public static string? Mac(XElement element) =>
        (string?)element.Element("mac")?.Attribute("address") is { Length: > 0 } mac ? mac.ToLowerInvariant() : null;

    public static XElement New(VirtualNetworkAdapter adapter)
    {
        var element = new XElement("interface", new XElement("mac", new XAttribute("address", adapter.MacAddress.ToLowerInvariant())));
        SetSource(element, adapter.Network);
        SetModel(element, adapter.Model);
        return element;
    }

    /// <summary>Changes network and model where they differ, keeping everything else (address, boot order, ...).</summary>
    public static void Update(XElement element, VirtualNetworkAdapter current, VirtualNetworkAdapter wanted)
    {
        if (current.Network != wanted.Network) SetSource(element, wanted.Network);
        if (current.Model != wanted.Model) SetModel(element, wanted.Model);
    }

    public static void Validate(VirtualNetworkAdapter adapter)
    {
        if (!MacAddress().IsMatch(adapter.MacAddress))
            throw LibvirtXml.Invalid($"'{adapter.MacAddress}' is not a MAC address like aa:bb:cc:dd:ee:ff.");
        if (adapter.Network.Length == 0 || adapter.Network == BridgePrefix)
            throw LibvirtXml.Invalid($"Network adapter {adapter.MacAddress} names no network or bridge.");
    }

    /// <summary>A new source replaces the old with all its settings (portgroup, port id), which belonged to it.</summary>
    private static void SetSource(XElement element, string network)
    {
        element.Element("source")?.Remove();
        var isBridge = network.StartsWith(BridgePrefix, StringComparison.Ordinal);
        element.SetAttributeValue("type", isBridge ? "bridge" : "network");
        element.Element("mac")!.AddAfterSelf(new XElement("source",
            isBridge ? new XAttribute("bridge", network[BridgePrefix.Length..]) : new XAttribute("network", network)));
    }

    private static void SetModel(XElement element, string model)
    {
        element.Element("model")?.Remove();
        if (model.Length > 0) element.Element("source")!.AddAfterSelf(new XElement("model", new XAttribute("type", model)));
    }

    [GeneratedRegex("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$")]
    private static partial Regex MacAddress();
}
