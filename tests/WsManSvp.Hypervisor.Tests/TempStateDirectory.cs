using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Tests;

/// <summary>A data directory of its own for a test, removed afterwards.</summary>
public sealed class TempStateDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wsmansvp-tests", Guid.NewGuid().ToString("N"));

    public StateDatabase OpenDatabase() => StateDatabase.Open(Path);

    /// <summary>A simulator on <paramref name="database"/>, host "testhost", seeded the first time with <paramref name="seedSystems"/> extra systems.</summary>
    public static Task<SimulatedHypervisor> OpenSimulatorAsync(StateDatabase database, int seedSystems = 0, TimeProvider? time = null,
        SimulatorOptions? options = null) =>
        SimulatedHypervisor.OpenAsync(SimulatorSeed.DefaultHost("testhost"), database, options ?? SimulatorOptions.Default, seedSystems, time);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
    }
}
