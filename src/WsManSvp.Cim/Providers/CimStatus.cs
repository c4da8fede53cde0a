namespace WsManSvp.Cim.Providers;

/// <summary>CIM status codes (DSP0200 / DSP0004 Annex), the errors providers report.</summary>
public enum CimStatus
{
    Failed = 1,
    AccessDenied = 2,
    InvalidNamespace = 3,
    InvalidParameter = 4,
    InvalidClass = 5,
    NotFound = 6,
    NotSupported = 7,
    AlreadyExists = 11,
    NoSuchProperty = 12,
    TypeMismatch = 13,
    QueryLanguageNotSupported = 14,
    InvalidQuery = 15,
    MethodNotAvailable = 16,
    MethodNotFound = 17,
    ServerLimitsExceeded = 27,
    ServerIsShuttingDown = 28,
}

/// <summary>A failed CIM operation. <see cref="Unavailable"/> marks a backend that cannot be reached now.</summary>
public sealed class CimException(CimStatus status, string message, bool unavailable = false, Exception? inner = null)
    : Exception(message, inner)
{
    public CimStatus Status { get; } = status;

    public bool Unavailable { get; } = unavailable;
}
