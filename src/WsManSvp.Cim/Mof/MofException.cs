namespace WsManSvp.Cim.Mof;

/// <summary>MOF text that cannot be parsed; the message says where.</summary>
public sealed class MofException(string message, int line, int column)
    : Exception($"line {line}, column {column}: {message}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
