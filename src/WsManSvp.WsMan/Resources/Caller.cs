namespace WsManSvp.WsMan.Resources;

/// <summary>Who sent a request, as the host authenticated it, and over what transport.</summary>
public sealed record Caller(bool IsAuthenticated, string? UserName, bool IsHttps)
{
    public static Caller Anonymous(bool isHttps) => new(false, null, isHttps);
}
