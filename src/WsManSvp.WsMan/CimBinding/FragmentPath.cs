using System.Globalization;
using System.Text.RegularExpressions;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// The XPath level-1 fragments a CIM instance supports (DSP0226 7.7, Annex D): a property, optionally an
/// array index, optionally /text(): "Name", "Dedicated[2]", "Name/text()".
/// </summary>
internal sealed partial class FragmentPath
{
    private FragmentPath(CimProperty property, int? index, bool text)
    {
        Property = property;
        Index = index;
        Text = text;
    }

    public CimProperty Property { get; }

    /// <summary>1-based, as XPath counts.</summary>
    public int? Index { get; }

    public bool Text { get; }

    public static FragmentPath Parse(FragmentExpression fragment, CimClass cls)
    {
        if (fragment.Dialect is { Length: > 0 } dialect && dialect != FragmentExpression.XPathDialect)
            throw Fault.FragmentDialectNotSupported(dialect).ToException();
        var match = Syntax().Match(fragment.Expression.Trim());
        if (!match.Success)
            throw CannotProcess($"'{fragment.Expression}' is not a fragment this service supports (Property, Property[n], Property/text()).");
        var name = match.Groups["name"].Value;
        var property = cls.GetProperty(name) ?? throw CannotProcess($"{cls.Name} has no property '{name}'.");
        int? index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : null;
        if (index is < 1) throw CannotProcess("XPath positions start at 1.");
        return new FragmentPath(property, index, match.Groups["text"].Success);
    }

    /// <summary>Writes wsman:XmlFragment holding the selected part of <paramref name="instance"/>.</summary>
    public void Write(Utf8XmlWriter w, CimInstance instance, ResourceUriScheme uris)
    {
        var value = instance[Property];
        if (Index is { } i)
        {
            if (value.IsNull || !value.IsArray || i > value.AsArray().Length)
                throw Fault.DestinationUnreachable($"{Property.Name}[{i}] does not exist in this instance.").ToException();
            value = value.AsArray()[i - 1];
        }
        w.Start("wsman:XmlFragment"u8);
        if (Text)
        {
            if (!value.IsNull && !value.IsArray) w.Text(value.ToText());
        }
        else
        {
            w.Attribute("xmlns:p"u8, uris.ForClass(instance.Class.Name, instance.Namespace));
            CimXmlWriter.WriteProperty(w, CimXmlWriter.ClassPrefix, Property.Utf8Name, value, uris);
        }
        w.End("wsman:XmlFragment"u8);
    }

    private static WsManFaultException CannotProcess(string reason) =>
        new WsManFault(FaultCode.Sender, "wsman:CannotProcessFilter", reason, null, Actions.WsManFault, 2150858778).ToException();

    [GeneratedRegex(@"^(?:[A-Za-z_][\w.-]*:)?(?<name>[A-Za-z_]\w*)(?:\[(?<index>\d+)\])?(?<text>/text\(\))?$")]
    private static partial Regex Syntax();
}
