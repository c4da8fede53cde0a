using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Providers;

/// <summary>
/// Association traversal (DSP0004 References / Associators, as DSP0227's association filter uses them):
/// generic over the providers, streaming, asking association providers for the references to one object
/// where they can answer that directly.
/// </summary>
public sealed class CimAssociations(CimOperations operations)
{
    private CimClassRepository Repository => operations.Repository;

    /// <summary>
    /// The association instances in <paramref name="namespace"/> that refer to <paramref name="source"/>
    /// (in <paramref name="role"/> when given), of <paramref name="associationClass"/> or its subclasses when given.
    /// </summary>
    public async IAsyncEnumerable<CimInstance> ReferencesAsync(CimObjectPath source, string @namespace,
        string? associationClass, string? role, CimCallContext context)
    {
        var sourceInstance = await SourceAsync(source, context).ConfigureAwait(false);
        var sourceClass = sourceInstance.Class;
        source = sourceInstance.GetPath(); // a client may have named it by some of its keys only
        foreach (var (provided, provider, cls) in AssociationClasses(@namespace, associationClass))
        {
            if (!CanReferTo(cls, sourceClass, role)) continue;
            var instances = provider is ICimAssociationProvider associations
                ? associations.ReferencesAsync(provided, source, role, context)
                : provider.EnumerateInstancesAsync(provided, context);
            await foreach (var association in instances.ConfigureAwait(false))
            {
                // Providers answering directly are trusted to have filtered; the others are filtered here.
                if (provider is ICimAssociationProvider || SourceRoles(association, source, role).Any()) yield return association;
            }
        }
    }

    /// <summary>
    /// The instances associated with <paramref name="source"/>: the other ends (in <paramref name="resultRole"/>
    /// when given, of <paramref name="resultClass"/> or its subclasses when given) of the associations
    /// <see cref="ReferencesAsync"/> finds. Each result is returned once, from the first association that links it
    /// to the source (association classes in traversal order; within one, the source's role in declaration order).
    /// Whether an earlier association links a result is asked of its provider rather than remembered, so memory does
    /// not grow with the number of results; only the results of associations not keyed by exactly their two
    /// references are remembered.
    /// </summary>
    public async IAsyncEnumerable<CimInstance> AssociatorsAsync(CimObjectPath source, string @namespace, string? associationClass,
        string? resultClass, string? role, string? resultRole, CimCallContext context)
    {
        var sourceInstance = await SourceAsync(source, context).ConfigureAwait(false);
        source = sourceInstance.GetPath();
        var traversed = AssociationClasses(@namespace, associationClass)
            .Where(a => CanReferTo(a.Item3, sourceInstance.Class, role))
            .Select(a => new Traversed(a.Item1, a.Item2, a.Item3, IsPairKeyed(a.Item3))).ToList();
        var remembered = new HashSet<CimObjectPath>();
        await foreach (var association in ReferencesAsync(source, @namespace, associationClass, role, context).ConfigureAwait(false))
        {
            var sourceRoles = SourceRoles(association, source, role).ToList();
            var current = traversed.FindIndex(t => t.Class == association.Class);
            var pairKeyed = current >= 0 && traversed[current].PairKeyed && sourceRoles.Count == 1;
            foreach (var property in association.Class.Properties)
            {
                if (property.Type != CimType.Reference || association[property].IsNull) continue;
                if (resultRole is not null && !string.Equals(property.Name, resultRole, StringComparison.OrdinalIgnoreCase)) continue;
                var target = association[property].AsReference();
                // The source is never its own associator, even through a reflexive association (as pywbem and Pegasus do).
                if (Denotes(target, source)) continue;
                if (resultClass is not null && Repository.GetClass(target.ClassName)?.IsA(resultClass) != true) continue;
                if (remembered.Contains(target)) continue;
                if (await LinkedEarlierAsync(traversed, current, pairKeyed ? sourceRoles[0] : null, source, target, role, resultRole, context).ConfigureAwait(false))
                    continue;
                if (!pairKeyed) remembered.Add(target);
                if (await GetAsync(target, context).ConfigureAwait(false) is { } result) yield return result;
            }
        }
    }

    private sealed record Traversed(ProvidedClass Provided, ICimProvider Provider, CimClass Class, bool PairKeyed);

    /// <summary>An association whose key is exactly its two references: one instance per pair of ends, which a path of the two names.</summary>
    private static bool IsPairKeyed(CimClass association) =>
        association.KeyProperties.Count == 2 && association.KeyProperties.All(k => k.Type == CimType.Reference) &&
        association.Properties.Count(p => p.Type == CimType.Reference) == 2;

    /// <summary>
    /// Whether a pair-keyed association before <c>traversed[current]</c> links <paramref name="source"/> and
    /// <paramref name="target"/> (so the target was returned from it), or the current one does with the source in a role
    /// declared before <paramref name="sourceRole"/>. Results of other associations are remembered instead.
    /// </summary>
    private async ValueTask<bool> LinkedEarlierAsync(List<Traversed> traversed, int current, CimProperty? sourceRole,
        CimObjectPath source, CimObjectPath target, string? role, string? resultRole, CimCallContext context)
    {
        for (var i = 0; i <= current; i++)
        {
            var (provided, provider, cls, pairKeyed) = traversed[i];
            if (!pairKeyed || (i == current && sourceRole is null)) continue;
            foreach (var r in cls.Properties)
            {
                if (i == current && r.Index >= sourceRole!.Index) break;
                if (r.Type != CimType.Reference || !Fits(r, source.ClassName) ||
                    (role is not null && !string.Equals(r.Name, role, StringComparison.OrdinalIgnoreCase))) continue;
                var p = cls.Properties.First(q => q.Type == CimType.Reference && q != r);
                if (!Fits(p, target.ClassName) || (resultRole is not null && !string.Equals(p.Name, resultRole, StringComparison.OrdinalIgnoreCase))) continue;
                var path = new CimObjectPath(provided.Namespace, provided.ClassName,
                    [new CimKeyBinding(r.Name, CimValue.Reference(source)), new CimKeyBinding(p.Name, CimValue.Reference(target))]);
                if (await provider.GetInstanceAsync(path, context).ConfigureAwait(false) is not null) return true;
            }
        }
        return false;
    }

    /// <summary>Whether a reference property can hold an instance named with this class (or a class related to it).</summary>
    private bool Fits(CimProperty reference, string className)
    {
        if (reference.ReferenceClass is null || Repository.GetClass(className) is not { } cls) return true;
        return cls.IsA(reference.ReferenceClass) || Repository.GetClass(reference.ReferenceClass)?.IsA(cls.Name) == true;
    }

    /// <summary>The instance the source path names; it must exist (DSP0227 R8.2.1-4).</summary>
    public async ValueTask<CimInstance> SourceAsync(CimObjectPath source, CimCallContext context)
    {
        var cls = Repository.GetClass(source.ClassName)
            ?? throw new CimException(CimStatus.InvalidClass, $"The object's class {source.ClassName} is not known here.");
        return await operations.GetInstanceAsync(cls, source, context).ConfigureAwait(false)
            ?? throw new CimException(CimStatus.NotFound, $"The object {source} does not exist.");
    }

    private ValueTask<CimInstance?> GetAsync(CimObjectPath path, CimCallContext context) =>
        Repository.GetClass(path.ClassName) is { } cls ? operations.GetInstanceAsync(cls, path, context) : ValueTask.FromResult<CimInstance?>(null);

    private IEnumerable<(ProvidedClass, ICimProvider, CimClass)> AssociationClasses(string @namespace, string? associationClass)
    {
        foreach (var (provided, provider) in operations.Providers)
        {
            if (!string.Equals(provided.Namespace, @namespace, StringComparison.OrdinalIgnoreCase)) continue;
            var cls = Repository.GetClass(provided.ClassName)!;
            if (!cls.IsAssociation || (associationClass is not null && !cls.IsA(associationClass))) continue;
            yield return (provided, provider, cls);
        }
    }

    /// <summary>Whether an association of <paramref name="association"/> can hold an instance of <paramref name="sourceClass"/> (in <paramref name="role"/>).</summary>
    private static bool CanReferTo(CimClass association, CimClass sourceClass, string? role) =>
        association.Properties.Any(p => p.Type == CimType.Reference &&
            (role is null || string.Equals(p.Name, role, StringComparison.OrdinalIgnoreCase)) &&
            (p.ReferenceClass is null || sourceClass.IsA(p.ReferenceClass)));

    /// <summary>The reference properties of <paramref name="association"/> that hold <paramref name="source"/>.</summary>
    private IEnumerable<CimProperty> SourceRoles(CimInstance association, CimObjectPath source, string? role) =>
        association.Class.Properties.Where(p => p.Type == CimType.Reference && !association[p].IsNull &&
            (role is null || string.Equals(p.Name, role, StringComparison.OrdinalIgnoreCase)) &&
            Denotes(association[p].AsReference(), source));

    /// <summary>
    /// Whether two paths name the same instance: same namespace, related classes (a client may name a
    /// superclass), and the same keys.
    /// </summary>
    public bool Denotes(CimObjectPath a, CimObjectPath b)
    {
        if (!string.Equals(a.Namespace, b.Namespace, StringComparison.OrdinalIgnoreCase) || a.Keys.Count != b.Keys.Count) return false;
        var classA = Repository.GetClass(a.ClassName);
        var classB = Repository.GetClass(b.ClassName);
        if (classA is null || classB is null || !(classA.IsA(classB.Name) || classB.IsA(classA.Name))) return false;
        return a.MatchesKeys(b);
    }
}
