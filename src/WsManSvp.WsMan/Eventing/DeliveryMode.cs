namespace WsManSvp.WsMan.Eventing;

/// <summary>How events reach a subscriber (DSP0226 10.2.9).</summary>
public enum DeliveryMode { Push, PushWithAck, Events, Pull }

public static class DeliveryModes
{
    public const string Push = "http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push";
    public const string PushWithAck = "http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck";
    public const string Events = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Events";
    public const string Pull = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Pull";

    /// <summary>The mode a Delivery/@Mode URI names; WS-Eventing makes Push the default when Mode is absent.</summary>
    public static DeliveryMode? Parse(string? uri) => uri switch
    {
        null or Push => DeliveryMode.Push,
        PushWithAck => DeliveryMode.PushWithAck,
        Events => DeliveryMode.Events,
        Pull => DeliveryMode.Pull,
        _ => null,
    };

    /// <summary>Whether events go out to a NotifyTo address (every mode but Pull).</summary>
    public static bool IsPushed(this DeliveryMode mode) => mode != DeliveryMode.Pull;
}
