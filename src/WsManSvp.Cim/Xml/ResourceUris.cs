namespace WsManSvp.Cim.Xml;

/// <summary>
/// How resource URIs name classes (DSP0227 clause 6): the DMTF form .../cim-schema/2/CLASS, or the form
/// Windows clients use, .../wmi/NAMESPACE/CLASS. A reply names classes in the form the request used.
/// </summary>
public sealed class ResourceUriScheme
{
    public const string DmtfClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string AllClasses = "http://schemas.dmtf.org/wbem/wscim/1/*";
    public const string WmiPrefix = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";

    public static readonly ResourceUriScheme Dmtf = new(isWmi: false);
    public static readonly ResourceUriScheme Wmi = new(isWmi: true);

    private ResourceUriScheme(bool isWmi) => IsWmi = isWmi;

    public bool IsWmi { get; }

    public string ForClass(string className, string @namespace) =>
        IsWmi ? string.Concat(WmiPrefix, @namespace, "/", className) : string.Concat(DmtfClassPrefix, className);

    /// <summary>
    /// Whether the URI is an all-classes URI (DSP0227 R6-1): the DMTF one, or the Windows form
    /// .../wmi/NAMESPACE/*, which also names a namespace.
    /// </summary>
    public static bool TryParseAllClasses(string uri, out ResourceUriScheme scheme, out string? @namespace)
    {
        scheme = Dmtf;
        @namespace = null;
        if (uri == AllClasses) return true;
        if (!uri.StartsWith(WmiPrefix, StringComparison.OrdinalIgnoreCase) || !uri.EndsWith("/*", StringComparison.Ordinal)) return false;
        var ns = uri[WmiPrefix.Length..^2];
        if (ns.Length == 0) return false;
        scheme = Wmi;
        @namespace = ns.ToLowerInvariant();
        return true;
    }

    /// <summary>
    /// Splits a class resource URI into its scheme, class name and, for the WMI form, the namespace it names.
    /// False for anything else (including the all-classes URI).
    /// </summary>
    public static bool TryParse(string uri, out ResourceUriScheme scheme, out string className, out string? @namespace)
    {
        scheme = Dmtf;
        className = "";
        @namespace = null;
        var path = uri.AsSpan();
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        if (path.StartsWith(DmtfClassPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = path[DmtfClassPrefix.Length..];
            if (name.IsEmpty || name.Contains('/')) return false;
            className = name.ToString();
            return true;
        }
        if (path.StartsWith(WmiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[WmiPrefix.Length..];
            var slash = rest.LastIndexOf('/');
            if (slash <= 0 || slash == rest.Length - 1) return false;
            scheme = Wmi;
            @namespace = rest[..slash].ToString().ToLowerInvariant();
            className = rest[(slash + 1)..].ToString();
            return true;
        }
        return false;
    }
}
