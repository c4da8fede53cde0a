namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>How the libvirt backend connects (--backend libvirt --libvirt-uri URI).</summary>
public sealed record LibvirtOptions(string Uri)
{
    public const string DefaultUri = "qemu:///system";

    /// <summary>The host's name as the service shows it; null takes libvirt's (virConnectGetHostname).</summary>
    public string? HostName { get; init; }

    /// <summary>libvirt keepalive: a probe every interval; the connection is dead after this many unanswered.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int KeepAliveCount { get; init; } = 3;

    /// <summary>Reconnect backoff: the first retry after the initial delay, doubling up to the maximum.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);
}
