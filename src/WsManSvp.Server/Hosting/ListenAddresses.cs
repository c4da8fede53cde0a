using System.Net;

namespace WsManSvp.Server.Hosting;

/// <summary>
/// The listening policy: loopback by default; plain HTTP on another address only when explicitly allowed,
/// because Basic credentials would cross the network in the clear (WinRM's AllowUnencrypted=false).
/// </summary>
public static class ListenAddresses
{
    public static void Check(ServerSettings settings)
    {
        foreach (var url in settings.Urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) ||
                uri.Scheme is not ("http" or "https"))
                throw new CommandLineException($"'{url}' is not an http:// or https:// URL.");
            if (uri.AbsolutePath is not ("/" or ""))
                throw new CommandLineException($"'{url}': give scheme, host and port only; the endpoint path is always /wsman.");
            if (uri.Scheme == "http" && !IsLoopback(uri.Host) && !settings.AllowUnencrypted)
                throw new CommandLineException(
                    $"Refusing to listen on {url}: plain HTTP on a non-loopback address sends Basic credentials in the clear. " +
                    "Use an https:// URL with --certificate, or pass --allow-unencrypted to accept the risk.");
            if (uri.Scheme == "https" && settings.CertificateFile is null)
                throw new CommandLineException($"{url} needs a certificate: pass --certificate FILE (PEM or PFX).");
        }
    }

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
