using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The simulator states the model-wide consistency checks run over.</summary>
public static class ModelScenarios
{
    public const string Seeded = "seeded";
    public const string Loaded = "seeded with 20 more systems";
    public const string Changed = "db01 started, web01 saved";

    public static TheoryData<string> All => new() { Seeded, Loaded, Changed };

    public static async Task<ServedModel> CreateAsync(string scenario)
    {
        var model = await ServedModel.SeededAsync(scenario == Loaded ? 20 : 0);
        if (scenario == Changed)
        {
            await model.ChangeAsync("db01", StateTransition.Start);
            await model.ChangeAsync("web01", StateTransition.Save);
        }
        return model;
    }
}
