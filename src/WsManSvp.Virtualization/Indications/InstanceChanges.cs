using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Indications;

/// <summary>
/// The indications that tell how a set of instances changed: deletions (contents before their containers),
/// then modifications of the instances whose values differ, then creations (containers first).
/// </summary>
internal static class InstanceChanges
{
    public static IEnumerable<CimInstance> Between(IReadOnlyList<KeyedInstance> before, IReadOnlyList<KeyedInstance> after,
        InstanceIndications indications, DateTimeOffset time)
    {
        var previous = before.ToDictionary(i => i.Path, StringComparer.OrdinalIgnoreCase);
        var current = after.Select(i => i.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = before.Count - 1; i >= 0; i--)
        {
            if (!current.Contains(before[i].Path)) yield return indications.Deletion(before[i].Instance, time);
        }
        foreach (var item in after)
        {
            if (previous.TryGetValue(item.Path, out var was) && !was.Instance.HasSameValues(item.Instance))
                yield return indications.Modification(was.Instance, item.Instance, time);
        }
        foreach (var item in after)
        {
            if (!previous.ContainsKey(item.Path)) yield return indications.Creation(item.Instance, time);
        }
    }
}
