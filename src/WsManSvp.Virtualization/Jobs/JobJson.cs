using System.Text.Json;
using System.Text.Json.Serialization;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Jobs;

/// <summary>How jobs are stored: JSON by source generation (no reflection), model elements as short strings.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(ModelElementJsonConverter)], UseStringEnumConverter = true)]
[JsonSerializable(typeof(Job))]
internal sealed partial class JobJson : JsonSerializerContext;

/// <summary>
/// The elements a job refers to, as text: "host", "management-service", "snapshot-service",
/// "system:{uuid}", or "setting:{InstanceID}" for a configuration (a snapshot's, say).
/// </summary>
internal sealed class ModelElementJsonConverter : JsonConverter<ModelElement>
{
    public override ModelElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A model element is null.");
        return text switch
        {
            "host" => new HostSystem(),
            "management-service" => new ManagementService(),
            "snapshot-service" => new SnapshotService(),
            _ when text.StartsWith("system:", StringComparison.Ordinal) && InstanceIds.TryParseSystemName(text[7..], out var id) =>
                new VirtualComputerSystem(id),
            _ when text.StartsWith("setting:", StringComparison.Ordinal) &&
                   InstanceIds.TryParseSetting(text[8..], out var owner, out var kind, out var key, out var snapshot) && key is null =>
                new Configuration(owner, kind, snapshot),
            _ => throw new JsonException($"'{text}' names no model element a job refers to."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ModelElement value, JsonSerializerOptions options) => writer.WriteStringValue(value switch
    {
        HostSystem => "host",
        ManagementService => "management-service",
        SnapshotService => "snapshot-service",
        VirtualComputerSystem s => "system:" + InstanceIds.SystemName(s.Id),
        Configuration c => "setting:" + InstanceIds.Configuration(c.Id, c.Kind, c.Snapshot),
        _ => throw new JsonException($"A job cannot refer to {value}."),
    });
}
