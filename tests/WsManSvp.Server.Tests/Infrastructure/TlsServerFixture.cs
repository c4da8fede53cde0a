using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// The server over TLS on https://127.0.0.1, with a self-signed certificate made for this fixture; its
/// clients trust exactly that certificate.
/// </summary>
public abstract class TlsServerFixture : ServerFixture
{
    protected TlsServerFixture()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        WriteCertificate(certificate, key);
    }

    /// <summary>SHA-256 thumbprint of the server's certificate.</summary>
    public string Thumbprint { get; }

    protected abstract void WriteCertificate(X509Certificate2 certificate, ECDsa key);

    protected abstract ServerSettings WithCertificate(ServerSettings settings);

    protected override ServerSettings Settings() => WithCertificate(base.Settings() with { Urls = ["https://127.0.0.1:0"] });

    /// <summary>A client that accepts the server's certificate and no other.</summary>
    public WsManClient TrustingClient(string password = Password) => ClientTrusting(Thumbprint, password);

    /// <summary>A client that accepts only the certificate with this SHA-256 thumbprint.</summary>
    public WsManClient ClientTrusting(string thumbprint, string password = Password) => new(Endpoint, User, password, new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint },
    });
}

/// <summary>--certificate cert.pem --certificate-key key.pem</summary>
public sealed class PemTlsServerFixture : TlsServerFixture
{
    private string CertificateFile => Path.Combine(DataDirectory, "cert.pem");
    private string KeyFile => Path.Combine(DataDirectory, "key.pem");

    protected override void WriteCertificate(X509Certificate2 certificate, ECDsa key)
    {
        File.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
    }

    protected override ServerSettings WithCertificate(ServerSettings settings) =>
        settings with { CertificateFile = CertificateFile, CertificateKeyFile = KeyFile };
}

/// <summary>--certificate cert.pfx --certificate-password PW</summary>
public sealed class PfxTlsServerFixture : TlsServerFixture
{
    private const string PfxPassword = "pfx-test-password";

    private string CertificateFile => Path.Combine(DataDirectory, "cert.pfx");

    protected override void WriteCertificate(X509Certificate2 certificate, ECDsa key) =>
        File.WriteAllBytes(CertificateFile, certificate.Export(X509ContentType.Pfx, PfxPassword));

    protected override ServerSettings WithCertificate(ServerSettings settings) =>
        settings with { CertificateFile = CertificateFile, CertificatePassword = PfxPassword };
}
