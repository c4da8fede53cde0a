using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// A CIM indication as a subscriber receives it (DSP0230): the indication class's element, with the changed
/// instance embedded as SourceInstance and, for a modification, the instance before as PreviousInstance (each an
/// element typed by xsi:type, holding the embedded instance's properties).
/// </summary>
public sealed record ReceivedIndication(XElement Element)
{
    public string ClassName => Element.Name.LocalName;

    public XElement? SourceInstance => Embedded("SourceInstance");

    public XElement? PreviousInstance => Embedded("PreviousInstance");

    /// <summary>The class of the embedded SourceInstance (its xsi:type, "q:CIM_ComputerSystem_Type").</summary>
    public string? SourceClass =>
        SourceInstance?.Attribute(Ns.Xsi + "type")?.Value is { } type ? type[(type.IndexOf(':') + 1)..].Replace("_Type", "", StringComparison.Ordinal) : null;

    public string? Source(string property) => Property(SourceInstance, property);

    public string? Previous(string property) => Property(PreviousInstance, property);

    public override string ToString() =>
        $"{ClassName}({SourceClass} {Source("Name") ?? Source("InstanceID")}: EnabledState {Previous("EnabledState")}→{Source("EnabledState")}, JobState {Previous("JobState")}→{Source("JobState")})";

    /// <summary>The indications a push delivery (one event, or a batch of them) carries in its body.</summary>
    public static IEnumerable<ReceivedIndication> In(ReceivedMessage message) => Of(message.Body.Descendants());

    /// <summary>The indications among elements (a Pull's items, a delivery's body).</summary>
    public static IEnumerable<ReceivedIndication> Of(IEnumerable<XElement> elements) =>
        elements.Where(e => e.Name.LocalName.StartsWith("CIM_Inst", StringComparison.Ordinal) && e.Name.Namespace.NamespaceName.StartsWith(Ns.ClassPrefix, StringComparison.Ordinal))
            .Select(e => new ReceivedIndication(e));

    private XElement? Embedded(string property) => Element.Element(Element.Name.Namespace + property) is { } e && e.HasElements ? e : null;

    private static string? Property(XElement? instance, string name) =>
        instance?.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Attribute(Ns.Xsi + "nil") is null)?.Value;
}
