using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Providers;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// A request the service turns down: the method's return code (DSP1042 clause 8 tables) and why. Methods
/// return the code; WS-Transfer Put, which has no return code, turns it into a fault with the reason.
/// </summary>
public sealed class RequestRejected(uint code, string message) : Exception(message)
{
    public uint Code { get; } = code;

    /// <summary>Runs a method, returning the code of a rejection (logged with its reason, which the code alone does not carry).</summary>
    public static async ValueTask<CimMethodResult> AsReturnCode(string method, ILogger logger, Func<ValueTask<CimMethodResult>> invoke)
    {
        try
        {
            return await invoke().ConfigureAwait(false);
        }
        catch (RequestRejected rejected)
        {
            logger.LogInformation("{Method} returned {Code}: {Reason}", method, rejected.Code, rejected.Message);
            return MethodResults.Code(rejected.Code);
        }
    }
}
