namespace WsManSvp.WsMan;

/// <summary>Limits and identity of the protocol layer; the host fills them from configuration.</summary>
public sealed class WsManOptions
{
    /// <summary>The largest envelope accepted or sent, in bytes (WinRM's MaxEnvelopeSizekb, 500 KiB).</summary>
    public int MaxEnvelopeSize { get; set; } = 500 * 1024;

    /// <summary>The most items one Enumerate or Pull response carries (WinRM's MaxBatchItems).</summary>
    public int MaxBatchItems { get; set; } = 32000;

    /// <summary>How long an unused enumeration context lives (OMI: 60 s).</summary>
    public TimeSpan EnumerationContextLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many enumeration contexts may be open at once, across callers.</summary>
    public int MaxEnumerationContexts { get; set; } = 1024;

    /// <summary>How many one caller may hold open at once.</summary>
    public int MaxEnumerationContextsPerUser { get; set; } = 256;

    /// <summary>The longest an operation may run (WinRM's MaxTimeoutms); also the default OperationTimeout.</summary>
    public TimeSpan MaxOperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>XML nesting depth and element count accepted in a request.</summary>
    public int MaxXmlDepth { get; set; } = 64;

    public int MaxXmlElements { get; set; } = 20000;

    public string ProductVendor { get; set; } = "WsManSvp";

    public string ProductVersion { get; set; } = "0.1.0";
}
