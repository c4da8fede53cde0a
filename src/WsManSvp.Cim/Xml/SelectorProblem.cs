namespace WsManSvp.Cim.Xml;

/// <summary>What is wrong with a selector set (DSP0226 wsman:InvalidSelectors fault details).</summary>
public enum SelectorProblem
{
    InsufficientSelectors,
    UnexpectedSelectors,
    DuplicateSelectors,
    TypeMismatch,
    InvalidValue,
    AmbiguousSelectors,
}

public sealed class CimSelectorException(SelectorProblem problem, string message) : Exception(message)
{
    public SelectorProblem Problem { get; } = problem;
}
