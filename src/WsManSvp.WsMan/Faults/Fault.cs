namespace WsManSvp.WsMan.Faults;

/// <summary>
/// The faults of DSP0226 (with the CIM binding's and WS-Enumeration's), each with its code, subcode,
/// action and detail. Windows error numbers are those of winerror.h (ERROR_WSMAN_*).
/// </summary>
public static class Fault
{
    public static WsManFault ActionNotSupported(string? action) => ActionRefused($"The action '{action}' is not supported by this resource.");

    /// <summary>ActionNotSupported with the reason the resource gave (a CIM provider that cannot do what was asked).</summary>
    public static WsManFault ActionRefused(string reason) => new(FaultCode.Sender, "wsa:ActionNotSupported",
        reason, null, Actions.AddressingFault, 2150858771);

    public static WsManFault DestinationUnreachable(string reason, string? detail = null) => new(FaultCode.Sender, "wsa:DestinationUnreachable",
        reason, detail, Actions.AddressingFault, detail == "InvalidResourceURI" ? 2150858811u : 2150858752u);

    public static WsManFault InvalidResourceUri(string? uri) =>
        DestinationUnreachable(uri is null ? "The request has no wsman:ResourceURI." : $"The resource URI '{uri}' is not served here.", "InvalidResourceURI");

    public static WsManFault EndpointUnavailable(string reason) => new(FaultCode.Receiver, "wsa:EndpointUnavailable",
        reason, null, Actions.AddressingFault, 2150858772);

    public static WsManFault InvalidMessageInformationHeader(string reason, string? detail = null) => new(FaultCode.Sender,
        "wsa:InvalidMessageInformationHeader", reason, detail, Actions.AddressingFault, 2150858767);

    public static WsManFault MessageInformationHeaderRequired(string header) => new(FaultCode.Sender,
        "wsa:MessageInformationHeaderRequired", $"The required header {header} is missing.", null, Actions.AddressingFault, 2150858769);

    public static WsManFault MustUnderstand(string ns, string localName) => new(FaultCode.MustUnderstand, null,
        $"The header {{{ns}}}{localName} is marked mustUnderstand and is not understood.", null, Actions.AddressingFault, 2150858768)
    {
        NotUnderstood = (ns, localName),
    };

    /// <summary>SOAP 1.2 part 2, 7.5.1.2: VersionMismatch goes out with 500; the reply names the envelope spoken (s:Upgrade).</summary>
    public static WsManFault VersionMismatch(string? ns) => new(FaultCode.VersionMismatch, null,
        $"The envelope namespace '{ns}' is not SOAP 1.2 ({Cim.Xml.XmlNs.Soap}).", null, Actions.AddressingFault);

    public static WsManFault Malformed(string reason) => new(FaultCode.Sender, "wsman:SchemaValidationError",
        reason, null, Actions.WsManFault, 2150858817) { HttpStatus = 400 };

    public static WsManFault SchemaValidationError(string reason) => new(FaultCode.Sender, "wsman:SchemaValidationError",
        reason, null, Actions.WsManFault, 2150858817);

    public static WsManFault InvalidSelectors(string detail, string reason) => new(FaultCode.Sender, "wsman:InvalidSelectors",
        reason, detail, Actions.WsManFault, detail switch
        {
            "InsufficientSelectors" => 2150858842u,
            "UnexpectedSelectors" => 2150858843u,
            "DuplicateSelectors" => 2150858847u,
            _ => 2150858813u,
        });

    /// <summary>
    /// WS-Transfer's fault for a Put (or Create) whose representation is not valid for the resource; details
    /// InvalidValues, MissingValues or InvalidNamespace (DSP0226, as OpenPegasus and Intel AMT send it).
    /// </summary>
    public static WsManFault InvalidRepresentation(string detail, string reason) => new(FaultCode.Sender, "wxf:InvalidRepresentation",
        reason, detail, Actions.TransferFault);

    public static WsManFault InvalidParameter(string detail, string reason) => new(FaultCode.Sender, "wsman:InvalidParameter",
        reason, detail, Actions.WsManFault, 2150858810);

    public static WsManFault InvalidOptions(string detail, string reason) => new(FaultCode.Sender, "wsman:InvalidOptions",
        reason, detail, Actions.WsManFault, 2150858809);

    public static WsManFault UnsupportedFeature(string detail, string reason) => new(FaultCode.Sender, "wsman:UnsupportedFeature",
        reason, detail, Actions.WsManFault, detail switch
        {
            "AddressingMode" => 2150858870u,
            "Locale" => 2150858887u,
            "EnumerationMode" => 2150858886u,
            "FragmentLevelAccess" => 2150858871u,
            _ => 2150858818u,
        });

    public static WsManFault EncodingLimit(string detail, string reason) => new(FaultCode.Sender, "wsman:EncodingLimit",
        reason, detail, Actions.WsManFault, detail switch
        {
            "MinimumEnvelopeLimit" => 2150858878u,
            "MaxEnvelopeSize" => 2150858824u,
            "ServiceEnvelopeLimit" => 2150858825u,
            _ => 2150858805u,
        });

    public static WsManFault TimedOut(TimeSpan timeout) => new(FaultCode.Receiver, "wsman:TimedOut",
        $"The operation did not complete within its OperationTimeout ({timeout.TotalSeconds:0.###} s).", null, Actions.WsManFault, 2150858793);

    public static WsManFault InternalError(string reason) => new(FaultCode.Receiver, "wsman:InternalError",
        reason, null, Actions.WsManFault);

    public static WsManFault AccessDenied(string reason) => new(FaultCode.Sender, "wsman:AccessDenied",
        reason, null, Actions.WsManFault, 5);

    public static WsManFault AlreadyExists(string reason) => new(FaultCode.Sender, "wsman:AlreadyExists",
        reason, null, Actions.WsManFault);

    public static WsManFault QuotaLimit(string reason) => new(FaultCode.Sender, "wsman:QuotaLimit",
        reason, null, Actions.WsManFault, 2150858815);

    public static WsManFault InvalidEnumerationContext(string reason) => new(FaultCode.Receiver, "wsen:InvalidEnumerationContext",
        reason, null, Actions.EnumerationFault, 2150858779);

    public static WsManFault FilterDialectRequestedUnavailable(string? dialect) => new(FaultCode.Sender,
        "wsen:FilterDialectRequestedUnavailable", $"The filter dialect '{dialect}' is not supported here.", null,
        Actions.EnumerationFault, 2150858777);

    public static WsManFault CannotProcessFilter(string reason) => new(FaultCode.Sender, "wsen:CannotProcessFilter",
        reason, null, Actions.EnumerationFault, 2150858778);

    public static WsManFault UnsupportedExpirationType(string reason) => new(FaultCode.Sender, "wsen:UnsupportedExpirationType",
        reason, null, Actions.EnumerationFault);

    public static WsManFault InvalidExpirationTime(string reason) => new(FaultCode.Sender, "wsen:InvalidExpirationTime",
        reason, null, Actions.EnumerationFault);

    public static WsManFault FragmentDialectNotSupported(string? dialect) => new(FaultCode.Receiver, "wsman:FragmentDialectNotSupported",
        $"The fragment dialect '{dialect}' is not supported; use XPath 1.0 level 1.", null, Actions.WsManFault);

    public static WsManFault PolymorphismModeNotSupported(string mode) => new(FaultCode.Sender, "wsmb:PolymorphismModeNotSupported",
        $"PolymorphismMode '{mode}' is not supported.", null, Actions.WsManFault);

    public static WsManFault DeliveryModeRequestedUnavailable(string? mode) => new(FaultCode.Sender, "wse:DeliveryModeRequestedUnavailable",
        $"The delivery mode '{mode}' is not supported (Push, PushWithAck, Events, Pull).", null, Actions.EventingFault);

    /// <summary>WS-Eventing's fault for an Expires that is not a duration or dateTime in the future.</summary>
    public static WsManFault EventingInvalidExpirationTime(string reason) => new(FaultCode.Sender, "wse:InvalidExpirationTime",
        reason, null, Actions.EventingFault);

    public static WsManFault UnableToRenew(string reason) => new(FaultCode.Receiver, "wse:UnableToRenew",
        reason, null, Actions.EventingFault);

    public static WsManFault EventSourceUnableToProcess(string reason) => new(FaultCode.Receiver, "wse:EventSourceUnableToProcess",
        reason, null, Actions.EventingFault);

    public static WsManFault FilteringRequestedUnavailable(string? dialect) => new(FaultCode.Sender, "wse:FilteringRequestedUnavailable",
        $"The filter dialect '{dialect}' is not supported for subscriptions here.", null, Actions.EventingFault);

    /// <summary>DSP0226 10.2.3: the NotifyTo (or EndTo) address cannot be delivered to.</summary>
    public static WsManFault EventDeliverToUnusable(string reason) => new(FaultCode.Sender, "wsman:EventDeliverToUnusable",
        reason, null, Actions.WsManFault);

    /// <summary>DSP0226 10.2.6: a wsman:Bookmark the service cannot resume from; details Expired, Invalid.</summary>
    public static WsManFault InvalidBookmark(string detail, string reason) => new(FaultCode.Sender, "wsman:InvalidBookmark",
        reason, detail, Actions.WsManFault);
}
