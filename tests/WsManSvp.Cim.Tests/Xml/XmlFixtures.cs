using System.Text;
using System.Xml;
using System.Xml.Linq;
using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Tests.Xml;

/// <summary>Wraps writer output and reader input in an element declaring the prefixes an envelope would.</summary>
public static class XmlFixtures
{
    public const string Declarations =
        $"""xmlns:wsa="{XmlNs.Addressing}" xmlns:wsman="{XmlNs.WsMan}" xmlns:cim="{XmlNs.CimCommon}" xmlns:xsi="{XmlNs.Xsi}" """ +
        """xmlns:p="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Setting" """;

    public static readonly XNamespace Wsa = XmlNs.Addressing;
    public static readonly XNamespace WsMan = XmlNs.WsMan;
    public static readonly XNamespace CimCommon = XmlNs.CimCommon;
    public static readonly XNamespace Xsi = XmlNs.Xsi;

    /// <summary>What <paramref name="write"/> writes, as text (without the wrapper).</summary>
    public static string Write(Action<Utf8XmlWriter> write)
    {
        using var w = new Utf8XmlWriter();
        write(w);
        return Encoding.UTF8.GetString(w.WrittenSpan);
    }

    /// <summary>What <paramref name="write"/> writes, parsed inside the wrapper: its first element.</summary>
    public static XElement WriteAndParse(Action<Utf8XmlWriter> write) =>
        XElement.Parse($"<root {Declarations}>{Write(write)}</root>").Elements().First();

    /// <summary>A reader on the first element of <paramref name="xml"/>, which may use the wrapper's prefixes.</summary>
    public static XmlReader ReaderOn(string xml)
    {
        var r = XmlReader.Create(new StringReader($"<root {Declarations}>{xml}<after/></root>"));
        r.MoveToContent();
        r.Read();
        while (r.NodeType != XmlNodeType.Element) r.Read();
        return r;
    }

    /// <summary>Asserts the reader has consumed exactly the element it was on: the next one is the marker.</summary>
    public static void AssertAtMarker(XmlReader r)
    {
        r.MoveToContent();
        Assert.Equal((XmlNodeType.Element, "after"), (r.NodeType, r.LocalName));
    }
}
