using System.Globalization;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Dispatch;

/// <summary>The checks DSP0226 clause 5-6 asks of a request's headers, and the limits they set.</summary>
public static class RequestRules
{
    /// <summary>DSP0226 R6.2-4: no service is obliged to answer in less.</summary>
    public const int MinimumEnvelopeSize = 8192;

    public sealed record Limits(TimeSpan Timeout, int MaxEnvelopeSize, string? Lang);

    public static Limits Check(RequestHeaders h, WsManOptions options)
    {
        if (h.Action is null) throw Fault.MessageInformationHeaderRequired("wsa:Action").ToException();
        if (h.MessageId is null) throw Fault.MessageInformationHeaderRequired("wsa:MessageID").ToException();
        if (h.MessageId.Length == 0) throw Fault.InvalidMessageInformationHeader("wsa:MessageID is empty.").ToException();
        if (h.To is null) throw Fault.MessageInformationHeaderRequired("wsa:To").ToException();
        if (!h.HasReplyTo) throw Fault.MessageInformationHeaderRequired("wsa:ReplyTo").ToException();
        CheckAnonymous("wsa:ReplyTo", h.ReplyTo);
        if (h.FaultTo is not null) CheckAnonymous("wsa:FaultTo", h.FaultTo);

        var maxEnvelope = options.MaxEnvelopeSize;
        if (h.MaxEnvelopeSize is { } sizeText)
        {
            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw Fault.InvalidMessageInformationHeader($"wsman:MaxEnvelopeSize '{XmlReading.Clip(sizeText)}' is not a positive integer.").ToException();
            if (size < MinimumEnvelopeSize)
                throw Fault.EncodingLimit("MinimumEnvelopeLimit", $"wsman:MaxEnvelopeSize {size} is below the minimum of {MinimumEnvelopeSize} octets.").ToException();
            maxEnvelope = (int)Math.Min(size, options.MaxEnvelopeSize);
        }

        var timeout = options.MaxOperationTimeout;
        if (h.OperationTimeout is { } timeoutText)
        {
            if (!XmlDuration.TryParseMicroseconds(timeoutText, out var micro))
                throw Fault.InvalidMessageInformationHeader($"wsman:OperationTimeout '{XmlReading.Clip(timeoutText)}' is not an xs:duration.").ToException();
            if (micro <= 0) throw Fault.TimedOut(TimeSpan.Zero).ToException();
            if (micro < timeout.Ticks / 10) timeout = TimeSpan.FromTicks(micro * 10);
        }

        string? lang = null;
        if (h.Locale is not null)
        {
            if (IsEnglish(h.Locale)) lang = "en-US";
            else if (h.LocaleMustUnderstand)
                throw Fault.UnsupportedFeature("Locale", $"Locale '{h.Locale}' is not supported; replies are in en-US.").ToException();
        }
        if (h.DataLocale is not null && h.DataLocaleMustUnderstand && !IsEnglish(h.DataLocale))
            throw Fault.UnsupportedFeature("DataLocale", $"DataLocale '{h.DataLocale}' is not supported; data is formatted invariantly.").ToException();

        foreach (var option in h.Options)
        {
            if (option.MustComply)
                throw Fault.InvalidOptions("NotSupported", $"Option '{option.Name}' is marked MustComply and is not supported.").ToException();
        }
        return new Limits(timeout, maxEnvelope, lang);
    }

    private static void CheckAnonymous(string header, string? address)
    {
        if (address != XmlNs.AnonymousAddress)
            throw Fault.UnsupportedFeature("AddressingMode",
                $"{header} must be the anonymous address ({XmlNs.AnonymousAddress}); replies go back on the same connection.").ToException();
    }

    private static bool IsEnglish(string lang) =>
        lang.Length == 0 || lang.Equals("en", StringComparison.OrdinalIgnoreCase) ||
        lang.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
