using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>Parsing and reading helpers shared by the libvirt XML mappings.</summary>
internal static class LibvirtXml
{
    /// <summary>Far above any domain, pool or snapshot document; bounds what a broken peer can make us hold.</summary>
    public const long MaxCharacters = 4 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses <paramref name="xml"/> and returns its root, which must be named <paramref name="root"/>.</summary>
    public static XElement Parse(string xml, string root)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw Failed($"The libvirt <{root}> XML is not well-formed: {e.Message}", e);
        }
        var element = document.Root!;
        if (element.Name.LocalName != root || element.Name.Namespace != XNamespace.None)
            throw Failed($"Expected libvirt <{root}> XML, got <{element.Name}>.");
        return element;
    }

    public static XElement Required(XElement parent, string name) =>
        parent.Element(name) ?? throw Failed($"<{parent.Name}> has no <{name}>.");

    /// <summary>The trimmed text of a child element; an exception when it is missing or empty.</summary>
    public static string RequiredText(XElement parent, string name)
    {
        var text = Required(parent, name).Value.Trim();
        return text.Length > 0 ? text : throw Failed($"<{name}> of <{parent.Name}> is empty.");
    }

    /// <summary>The trimmed text of a child element, null when it is missing or empty.</summary>
    public static string? OptionalText(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    public static string RequiredAttribute(XElement element, string name) =>
        (string?)element.Attribute(name) is { Length: > 0 } value
            ? value
            : throw Failed($"<{element.Name}> has no '{name}' attribute.");

    /// <summary>An integer attribute, null when it is absent.</summary>
    public static int? IntAttribute(XElement element, string name) =>
        (string?)element.Attribute(name) is { } text ? ParseInt(text, $"'{name}' of <{element.Name}>") : null;

    public static long ParseLong(string text, string what) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Failed($"{what} is not a non-negative integer: '{text}'.");

    public static int ParseInt(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Failed($"{what} is not a non-negative integer: '{text}'.");

    /// <summary>
    /// The bytes a scaled integer element (libvirt's &lt;memory unit='...'&gt;, &lt;capacity unit='...'&gt;) holds;
    /// a missing unit means <paramref name="defaultUnit"/>.
    /// </summary>
    public static long ScaledBytes(XElement element, string defaultUnit)
    {
        var what = $"<{element.Name}>";
        var value = ParseLong(element.Value, what);
        var unit = (string?)element.Attribute("unit") ?? defaultUnit;
        try
        {
            return checked(value * Units.Scale(unit, what));
        }
        catch (OverflowException e)
        {
            throw Failed($"{what} of {value} {unit} does not fit in 64 bits.", e);
        }
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static HypervisorException Failed(string message, Exception? inner = null) =>
        new(HypervisorError.Failed, message, inner);

    public static HypervisorException Invalid(string message) => new(HypervisorError.InvalidArgument, message);
}
