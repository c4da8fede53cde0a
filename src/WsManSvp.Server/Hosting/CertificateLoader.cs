using System.Security.Cryptography.X509Certificates;

namespace WsManSvp.Server.Hosting;

/// <summary>Loads the TLS certificate: PEM (certificate and key, one file or two) or PKCS#12/PFX.</summary>
public static class CertificateLoader
{
    public static X509Certificate2 Load(ServerSettings settings)
    {
        var file = settings.CertificateFile ?? throw new CommandLineException("No certificate configured.");
        if (!File.Exists(file)) throw new CommandLineException($"Certificate file {file} does not exist.");
        try
        {
            var text = File.ReadAllText(file);
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
                return X509Certificate2.CreateFromPemFile(file, settings.CertificateKeyFile ?? file);
            return X509CertificateLoader.LoadPkcs12FromFile(file, settings.CertificatePassword);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new CommandLineException($"Cannot load the certificate from {file}: {e.Message}");
        }
    }
}
