using WsManSvp.Hypervisor.Libvirt;
using WsManSvp.Virtualization.Jobs;

namespace WsManSvp.Server.Hosting;

/// <summary>Everything the run command can be told (see the README's "Command line" section).</summary>
public sealed record ServerSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5985";

    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>"sim" (the in-memory simulator) or "libvirt".</summary>
    public string Backend { get; init; } = "sim";

    /// <summary>The libvirt connection of the libvirt backend.</summary>
    public string LibvirtUri { get; init; } = LibvirtOptions.DefaultUri;

    public string DataDirectory { get; init; } = DefaultDataDirectory();

    /// <summary>Permit plain HTTP on a non-loopback address (WinRM's AllowUnencrypted=true).</summary>
    public bool AllowUnencrypted { get; init; }

    /// <summary>PEM or PFX certificate for https:// URLs.</summary>
    public string? CertificateFile { get; init; }

    /// <summary>PEM private key, when the certificate file does not hold it.</summary>
    public string? CertificateKeyFile { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>Extra simulated systems beyond the four seeded ones (load tests).</summary>
    public int SeedSystems { get; init; }

    /// <summary>The host's name as the service shows it; the machine's name (libvirt's, on that backend) when not given.</summary>
    public string? HostName { get; init; }

    /// <summary>How long each change to the simulator takes (so jobs can be watched and cancelled).</summary>
    public TimeSpan SimulatorLatency { get; init; }

    public int MaxEnvelopeSizeKb { get; init; } = 500;

    public TimeSpan EnumerationContextLifetime { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan MaxOperationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a finished job stays before it is removed (CIM_Job.TimeBeforeRemoval).</summary>
    public TimeSpan JobTimeBeforeRemoval { get; init; } = new JobSettings().TimeBeforeRemoval;

    /// <summary>The limits of subscriptions and event delivery.</summary>
    public WsMan.Eventing.EventingOptions Eventing { get; init; } = new();

    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "wsmansvp");
}
