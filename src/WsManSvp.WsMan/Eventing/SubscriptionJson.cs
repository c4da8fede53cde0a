using System.Text.Json.Serialization;

namespace WsManSvp.WsMan.Eventing;

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredSubscription))]
internal sealed partial class SubscriptionJson : JsonSerializerContext;

/// <summary>A subscription as stored, with how far its events were delivered (the sequence acknowledged last).</summary>
internal sealed record StoredSubscription(Subscription Subscription, long Delivered);
