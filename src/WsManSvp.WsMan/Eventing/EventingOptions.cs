using System.Security.Cryptography.X509Certificates;

namespace WsManSvp.WsMan.Eventing;

/// <summary>Limits of the eventing machinery; the host fills them from configuration.</summary>
public sealed class EventingOptions
{
    /// <summary>How many subscriptions may be active at once, across callers.</summary>
    public int MaxSubscriptions { get; set; } = 256;

    /// <summary>How many one caller may hold.</summary>
    public int MaxSubscriptionsPerUser { get; set; } = 64;

    /// <summary>The longest lifetime granted; also what a Subscribe without wse:Expires gets.</summary>
    public TimeSpan MaxExpiration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The shortest heartbeat interval honoured (a shorter request is raised to it).</summary>
    public TimeSpan MinHeartbeats { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The events kept per subscription, delivered or not: what a bookmark can go back over, and the queue of a
    /// subscriber that falls behind; past it the oldest go (reported as wsman:DroppedEvents).
    /// </summary>
    public int MaxLoggedEvents { get; set; } = 1000;

    /// <summary>The most events one Events-mode message carries, whatever wsman:MaxElements asks.</summary>
    public int MaxBatchElements { get; set; } = 256;

    /// <summary>How long one delivery may take (connect, send, and for PushWithAck the Ack).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most connections open to one sink endpoint (scheme, host and port) at once, across its subscriptions.</summary>
    public int MaxConnectionsPerSink { get; set; } = 32;

    /// <summary>The retry policy of a subscription without wsman:ConnectionRetry.</summary>
    public ConnectionRetry DefaultConnectionRetry { get; set; } = new(5, TimeSpan.FromSeconds(2));

    /// <summary>The most retries and the longest interval honoured from wsman:ConnectionRetry.</summary>
    public int MaxConnectionRetries { get; set; } = 20;

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Roots trusted for HTTPS event sinks besides the system's (a private CA of the collectors); null: the system's only.</summary>
    public X509Certificate2Collection? TrustedSinkRoots { get; set; }

    /// <summary>How often expiry is checked.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
