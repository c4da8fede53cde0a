using System.Text.Json.Serialization;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>What the simulator stores for one system: the system and its snapshots, written together.</summary>
internal sealed record SystemDocument(VirtualSystem System, SnapshotTree Snapshots);

/// <summary>The simulator's JSON, generated at build time (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SystemDocument))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class SimulatorJson : JsonSerializerContext;
