using System.Globalization;

namespace EventLatency;

/// <summary>What one event says happened: the changed system's Name and its EnabledState after the change.</summary>
internal readonly record struct SystemChange(string Name, int EnabledState)
{
    /// <summary>
    /// The SourceInstance of each CIM_InstModification in a message (one for Push, a batch for Events, the items of
    /// a PullResponse); the PreviousInstance each also carries is skipped.
    /// </summary>
    public static List<SystemChange> All(ReadOnlySpan<byte> message)
    {
        var changes = new List<SystemChange>(1);
        for (var from = 0; XmlScan.Find(message, "SourceInstance"u8, from) is { } source; from = source.End.Value)
        {
            var instance = message[source];
            var name = XmlScan.Text(instance, "Name"u8);
            var state = XmlScan.Text(instance, "EnabledState"u8);
            if (name is null || !int.TryParse(state, NumberStyles.None, CultureInfo.InvariantCulture, out var enabled))
                throw new BenchException("A SourceInstance without Name or EnabledState");
            changes.Add(new SystemChange(name, enabled));
        }
        return changes;
    }
}
