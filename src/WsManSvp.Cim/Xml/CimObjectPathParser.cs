using System.Globalization;
using System.Text;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Parses the DSP0004 text form of an object path, as MOF and some clients write references:
/// [namespace:]Class.Key1="value",Key2=42 — keys typed by the class's declarations.
/// </summary>
public static class CimObjectPathParser
{
    public static bool TryParse(string text, CimClassRepository repository, string defaultNamespace, out CimObjectPath? path, out string? error)
    {
        path = null;
        error = null;
        var dot = text.IndexOf('.');
        var head = dot < 0 ? text : text[..dot];
        var colon = head.LastIndexOf(':');
        var ns = colon < 0 ? defaultNamespace : CimPathBinder.NormalizeNamespace(head[..colon].TrimStart('/'));
        var className = head[(colon + 1)..].Trim();
        if (repository.GetClass(className) is not { } cls)
        {
            error = $"'{XmlReading.Clip(text)}' names class '{className}', which is not known.";
            return false;
        }
        var keys = new List<CimKeyBinding>();
        var pos = dot < 0 ? text.Length : dot + 1;
        while (pos < text.Length)
        {
            var equals = text.IndexOf('=', pos);
            if (equals < 0) { error = $"'{XmlReading.Clip(text)}': a key binding has no '='."; return false; }
            var name = text[pos..equals].Trim();
            var property = cls.GetProperty(name);
            if (property is null) { error = $"'{XmlReading.Clip(text)}': {cls.Name} has no key '{name}'."; return false; }
            pos = equals + 1;
            string raw;
            if (pos < text.Length && text[pos] == '"')
            {
                var value = new StringBuilder();
                pos++;
                while (pos < text.Length && text[pos] != '"')
                {
                    if (text[pos] == '\\' && pos + 1 < text.Length) pos++;
                    value.Append(text[pos++]);
                }
                if (pos >= text.Length) { error = $"'{XmlReading.Clip(text)}': a quoted key value is not closed."; return false; }
                pos++;
                raw = value.ToString();
            }
            else
            {
                var end = text.IndexOf(',', pos);
                raw = (end < 0 ? text[pos..] : text[pos..end]).Trim();
                pos = end < 0 ? text.Length : end;
            }
            if (!CimValueParser.TryParse(property.Type == CimType.Reference ? CimType.String : property.Type, raw, out var typed, out error))
                return false;
            if (property.Type == CimType.Reference)
            {
                if (!TryParse(raw, repository, ns, out var inner, out error)) return false;
                typed = CimValue.Reference(inner);
            }
            keys.Add(new CimKeyBinding(property.Name, typed));
            if (pos < text.Length && text[pos] == ',') pos++;
        }
        path = new CimObjectPath(ns, cls.Name, keys);
        return true;
    }

    /// <summary>The integer or real value of a MOF or CIM-XML number (decimal, 0x hex, or binary with a 'b' suffix).</summary>
    public static string NormalizeNumber(string text)
    {
        var t = text.Trim();
        var negative = t.StartsWith('-');
        var digits = negative || t.StartsWith('+') ? t[1..] : t;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            Int128.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return (negative ? -hex : hex).ToString(CultureInfo.InvariantCulture);
        if (digits.Length > 1 && digits.EndsWith('b') && digits[..^1].All(c => c is '0' or '1'))
        {
            Int128 value = 0;
            foreach (var c in digits[..^1]) value = value * 2 + (c - '0');
            return (negative ? -value : value).ToString(CultureInfo.InvariantCulture);
        }
        return t;
    }
}
