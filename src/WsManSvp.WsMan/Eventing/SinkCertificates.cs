using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// How an HTTPS event sink's certificate is checked: by the system's trust, or also against the roots the
/// operator configured for the collectors (often a private CA the system does not trust). The name always
/// has to match.
/// </summary>
internal static class SinkCertificates
{
    public static RemoteCertificateValidationCallback? Validator(X509Certificate2Collection? trustedRoots) =>
        trustedRoots is null or { Count: 0 } ? null : (_, certificate, _, errors) => IsTrusted(certificate, errors, trustedRoots);

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
