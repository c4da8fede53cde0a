using System.Globalization;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// A display's endpoint as a graphics allocation's Address: "host:port", the host left out when it is the
/// hypervisor's default and the port when one is chosen at start; an IPv6 host is bracketed when a port follows.
/// </summary>
public static class GraphicsAddress
{
    public static string? Format(string? listen, int? port) => (listen, port) switch
    {
        (null, null) => null,
        (_, null) => listen,
        _ => (listen is not null && listen.Contains(':') ? $"[{listen}]" : listen) + ":" + port.Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads an Address written as <see cref="Format"/> writes it; false for anything else.</summary>
    public static bool TryParse(string address, out string? listen, out int? port)
    {
        listen = null;
        port = null;
        string host;
        string? portText;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']');
            if (close < 0) return false;
            host = address[1..close];
            var rest = address[(close + 1)..];
            if (rest.Length > 0 && rest[0] != ':') return false;
            portText = rest.Length > 0 ? rest[1..] : null;
        }
        else if (address.Count(c => c == ':') == 1)
        {
            var colon = address.IndexOf(':');
            host = address[..colon];
            portText = address[(colon + 1)..];
        }
        else
        {
            // No colon is a host alone; several are an IPv6 address alone.
            host = address;
            portText = null;
        }
        if (host.Any(char.IsWhiteSpace)) return false;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535) return false;
            port = number;
        }
        listen = host.Length > 0 ? host : null;
        return listen is not null || port is not null;
    }
}
