namespace WsManSvp.WsMan.Eventing;

/// <summary>wsman:ConnectionRetry: how many more times, and how far apart, a failed delivery is tried again.</summary>
public sealed record ConnectionRetry(int Total, TimeSpan Interval);

/// <summary>The credentials the service presents to the subscriber's endpoint (wsman:Auth with an issued username token).</summary>
public sealed record SinkCredentials(string Profile, string UserName, string Password);

/// <summary>
/// One subscription as the client asked for it and the service granted it (DSP0226 10.2); what is stored to
/// survive a restart. Its identifier is the wse:Identifier of the SubscriptionManager EPR.
/// </summary>
public sealed record Subscription
{
    public required string Id { get; init; }
    public string? Owner { get; init; }
    public required string ResourceUri { get; init; }
    public string? Dialect { get; init; }
    public string? FilterText { get; init; }
    public required DeliveryMode Mode { get; init; }
    public EndpointReference? NotifyTo { get; init; }
    public EndpointReference? EndTo { get; init; }
    public required DateTimeOffset Expires { get; init; }

    /// <summary>When it was granted (a Renew keeps it); null for one stored before this was recorded.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The reply states expiry as the client did: a dateTime for a dateTime, else a duration.</summary>
    public bool ExpiresAsDateTime { get; init; }

    public TimeSpan? Heartbeats { get; init; }
    public bool SendBookmarks { get; init; }

    /// <summary>Events mode: the most events in one wsman:Events message, and the longest an event waits for a batch.</summary>
    public int MaxElements { get; init; } = 1;
    public TimeSpan? MaxTime { get; init; }

    public ConnectionRetry? ConnectionRetry { get; init; }
    public SinkCredentials? Credentials { get; init; }

    /// <summary>Pull mode: the enumeration context Pull reads the events through.</summary>
    public string? ContextId { get; init; }

    /// <summary>The address the SubscriptionManager EPR names (the request's wsa:To).</summary>
    public required string ManagerAddress { get; init; }
}
