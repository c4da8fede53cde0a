namespace WsManSvp.Cim.Query;

internal enum ComparisonOperator : byte
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal static class ComparisonOperators
{
    public static bool IsEquality(this ComparisonOperator op) => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual;

    /// <summary>Whether the operator holds for two values whose order is <paramref name="order"/> (as CompareTo gives it).</summary>
    public static bool Holds(this ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        _ => order >= 0,
    };
}
