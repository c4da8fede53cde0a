namespace WsManSvp.Virtualization.Jobs;

/// <summary>One change of a job as it became visible: created (no Previous), changed, or removed (no Current).</summary>
public sealed record JobChange(Job? Previous, Job? Current);
