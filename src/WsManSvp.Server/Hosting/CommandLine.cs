using System.Globalization;
using System.Xml;

namespace WsManSvp.Server.Hosting;

/// <summary>Parses the run command's options into <see cref="ServerSettings"/>.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: WsManSvp.Server [options]
               WsManSvp.Server user add NAME [--data-dir DIR]      (reads the password from stdin)
               WsManSvp.Server user remove NAME [--data-dir DIR]
               WsManSvp.Server user list [--data-dir DIR]

        Options:
          --urls URL[;URL...]          where to listen (default http://127.0.0.1:5985); the endpoint is /wsman
          --backend sim|libvirt        the hypervisor backend (default sim, the in-memory simulator)
          --libvirt-uri URI            the libvirt backend's connection (default qemu:///system)
          --data-dir DIR               state directory, created if missing (default ~/.local/share/wsmansvp)
          --allow-unencrypted          permit plain HTTP on a non-loopback address
          --certificate FILE           certificate for https:// URLs: PEM (with --certificate-key) or PFX
          --certificate-key FILE       PEM private key of --certificate
          --certificate-password PW    password of a PFX file (or WSMANSVP_CERTIFICATE_PASSWORD)
          --seed-systems N             extra simulated virtual systems (load tests)
          --host-name NAME             the host's name (default: this machine's name; libvirt's on that backend)
          --sim-latency DURATION       how long each simulated change takes, e.g. 500ms, 2s or PT2S (default 0)
          --max-envelope-size-kb N     largest envelope accepted or sent (default 500)
          --enumeration-timeout SEC    how long an idle enumeration context lives (default 60)
          --operation-timeout SEC      longest an operation may run (default 60)
          --job-time-before-removal SEC  how long a finished job stays (default 300)
          --help                       this text

        Credentials: WSMANSVP_USER and WSMANSVP_PASSWORD when both are set; otherwise the users file
        in the data directory (a password is generated and printed once when it has no user).
        """;

    public static ServerSettings Parse(IReadOnlyList<string> args)
    {
        var s = new ServerSettings
        {
            CertificatePassword = Environment.GetEnvironmentVariable("WSMANSVP_CERTIFICATE_PASSWORD"),
        };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new CommandLineException($"{arg} needs a value.");
                return args[++i];
            }
            s = arg switch
            {
                "--urls" => s with { Urls = Value().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--backend" => s with { Backend = Backend(Value()) },
                "--libvirt-uri" => s with { LibvirtUri = Value() },
                "--data-dir" => s with { DataDirectory = Path.GetFullPath(Value()) },
                "--allow-unencrypted" => s with { AllowUnencrypted = true },
                "--certificate" => s with { CertificateFile = Path.GetFullPath(Value()) },
                "--certificate-key" => s with { CertificateKeyFile = Path.GetFullPath(Value()) },
                "--certificate-password" => s with { CertificatePassword = Value() },
                "--seed-systems" => s with { SeedSystems = Number(arg, Value(), 0, 1_000_000) },
                "--host-name" => s with { HostName = Value() },
                "--sim-latency" => s with { SimulatorLatency = Duration(arg, Value(), TimeSpan.FromHours(1)) },
                "--max-envelope-size-kb" => s with { MaxEnvelopeSizeKb = Number(arg, Value(), 8, 100 * 1024) },
                "--enumeration-timeout" => s with { EnumerationContextLifetime = TimeSpan.FromSeconds(Number(arg, Value(), 1, 86400)) },
                "--operation-timeout" => s with { MaxOperationTimeout = TimeSpan.FromSeconds(Number(arg, Value(), 1, 3600)) },
                "--job-time-before-removal" => s with { JobTimeBeforeRemoval = TimeSpan.FromSeconds(Number(arg, Value(), 1, 7 * 86400)) },
                _ => throw new CommandLineException($"Unknown option '{arg}'."),
            };
        }
        return s;
    }

    private static string Backend(string value) => value switch
    {
        "sim" or "libvirt" => value,
        _ => throw new CommandLineException($"--backend is 'sim' or 'libvirt', not '{value}'."),
    };

    /// <summary>"500ms", "2s" or an xs:duration ("PT2S"), from zero to <paramref name="max"/>.</summary>
    private static TimeSpan Duration(string option, string value, TimeSpan max)
    {
        var duration = value.EndsWith("ms", StringComparison.Ordinal) ? Scaled(value[..^2], 1)
            : value.EndsWith('s') ? Scaled(value[..^1], 1000)
            : XmlDuration(value);
        return duration is { } d && d >= TimeSpan.Zero && d <= max
            ? d
            : throw new CommandLineException($"{option} is a duration such as 500ms, 2s or PT2S, up to {max.TotalSeconds:0}s, not '{value}'.");
    }

    private static TimeSpan? Scaled(string number, int millisecondsPerUnit) =>
        decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n <= int.MaxValue / (decimal)millisecondsPerUnit
            ? TimeSpan.FromMilliseconds((double)(n * millisecondsPerUnit))
            : null;

    private static TimeSpan? XmlDuration(string text)
    {
        try { return XmlConvert.ToTimeSpan(text); }
        catch (FormatException) { return null; }
        catch (OverflowException) { return null; }
    }

    private static int Number(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new CommandLineException($"{option} is a whole number from {min} to {max}, not '{value}'.");
}

public sealed class CommandLineException(string message) : Exception(message);
