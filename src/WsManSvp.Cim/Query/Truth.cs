namespace WsManSvp.Cim.Query;

/// <summary>SQL's three truth values: a comparison with NULL, or between values that cannot be compared, is unknown.</summary>
internal enum Truth : byte
{
    False,
    True,
    Unknown,
}

internal static class Truths
{
    public static Truth Of(bool value) => value ? Truth.True : Truth.False;

    public static Truth Not(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}
