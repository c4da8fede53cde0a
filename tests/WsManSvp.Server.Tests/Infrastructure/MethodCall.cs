using System.Text;
using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>A CIM method's input as a WS-Man custom action body (DSP0227 clause 9): M_INPUT with one element per parameter.</summary>
public sealed class MethodCall(string method)
{
    private readonly StringBuilder _children = new();

    public string Method { get; } = method;

    public MethodCall Value(string name, object value)
    {
        _children.Append($"<p:{name}>{Envelopes.Escape(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")}</p:{name}>");
        return this;
    }

    /// <summary>An EPR parameter (a REF), written as WS-Man clients write it.</summary>
    public MethodCall Reference(string name, Epr epr)
    {
        _children.Append(epr.As(XName.Get(name, "urn:placeholder")).ToString(SaveOptions.DisableFormatting)
            .Replace("<" + name + " xmlns=\"urn:placeholder\"", $"<p:{name}", StringComparison.Ordinal)
            .Replace("</" + name + ">", $"</p:{name}>", StringComparison.Ordinal));
        return this;
    }

    public MethodCall Embedded(string name, EmbeddedInstance instance, EmbeddedForm form = EmbeddedForm.CimXml)
    {
        _children.Append(instance.Write(name, form));
        return this;
    }

    /// <summary>Raw XML for the input (a malformed parameter, say).</summary>
    public MethodCall Raw(string xml)
    {
        _children.Append(xml);
        return this;
    }

    public string Body(string classUri) => $"<p:{Method}_INPUT xmlns:p=\"{classUri}\">{_children}</p:{Method}_INPUT>";
}

/// <summary>A method's output (M_OUTPUT): ReturnValue and the OUT parameters.</summary>
public sealed class MethodResult(XElement output)
{
    public XElement Output { get; } = output;

    public uint ReturnValue => uint.Parse(Single("ReturnValue").Value.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A REF OUT parameter (Job, ResultingSystem ...); null when nil or absent.</summary>
    public Epr? Reference(string name) =>
        Output.Elements().FirstOrDefault(e => e.Name.LocalName == name) is { } e && (string?)e.Attribute(Ns.Xsi + "nil") != "true" ? Epr.From(e) : null;

    public IReadOnlyList<Epr> References(string name) =>
        Output.Elements().Where(e => e.Name.LocalName == name && (string?)e.Attribute(Ns.Xsi + "nil") != "true").Select(Epr.From).ToList();

    public XElement Single(string name) => Output.Elements().Single(e => e.Name.LocalName == name);

    public override string ToString() => Output.ToString();
}
