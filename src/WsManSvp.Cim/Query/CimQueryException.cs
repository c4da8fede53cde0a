namespace WsManSvp.Cim.Query;

/// <summary>A query that cannot be parsed, or names a class or property the repository does not have.</summary>
public sealed class CimQueryException(string detail, int position) : Exception($"at position {position}: {detail}")
{
    /// <summary>Where in the query text the problem is: a 1-based character position (length + 1 for its end).</summary>
    public int Position { get; } = position;
}
