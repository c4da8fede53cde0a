namespace WsManSvp.Virtualization.Management;

/// <summary>
/// A request the service turns down: the method's return code (DSP1042 clause 8 tables) and why. Methods
/// return the code; WS-Transfer Put, which has no return code, turns it into a fault with the reason.
/// </summary>
public sealed class RequestRejected(uint code, string message) : Exception(message)
{
    public uint Code { get; } = code;
}
