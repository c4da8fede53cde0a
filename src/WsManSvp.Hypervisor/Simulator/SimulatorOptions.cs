namespace WsManSvp.Hypervisor.Simulator;

/// <summary>How the simulator behaves beyond the host it simulates.</summary>
public sealed record SimulatorOptions
{
    public static readonly SimulatorOptions Default = new();

    /// <summary>
    /// How long every mutating call takes, spent after its validation and before its commit, so that the
    /// upper layers' jobs can be watched and cancelled mid-way. Zero (the default) commits at once.
    /// </summary>
    public TimeSpan OperationLatency
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>
    /// The snapshot kinds the simulated host takes, replacing the host's <see cref="HostInfo.SnapshotKinds"/>
    /// (so tests can make a kind unsupported); null keeps the host's.
    /// </summary>
    public IReadOnlyList<SnapshotKind>? SnapshotKinds { get; init; }
}
