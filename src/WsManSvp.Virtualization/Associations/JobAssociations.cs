using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Associations;

/// <summary>
/// CIM_AffectedJobElement (DSP1042 8.1.2, 10.1): a job to what it affects — from its start, the system it
/// works on; once it completes, what it created (ElementEffects[0] 5, Create). Elements that no longer
/// exist (a destroyed system) are not linked.
/// </summary>
public sealed class AffectedJobElementProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_AffectedJobElement", "AffectingElement", "AffectedElement")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        foreach (var job in Source.Jobs.Jobs)
            foreach (var effect in job.Affected)
                if (await Source.ExistsAsync(effect.Element, context).ConfigureAwait(false)) yield return LinkOf(job, effect);
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        var jobs = element is ModelElement.Job j ? Source.Jobs.Find(j.Id) is { } found ? [found] : [] : Source.Jobs.Jobs;
        foreach (var job in jobs)
            foreach (var effect in job.Affected)
                if ((element is ModelElement.Job || effect.Element == element) && await Source.ExistsAsync(effect.Element, context).ConfigureAwait(false))
                    yield return LinkOf(job, effect);
    }

    private static Link LinkOf(Job job, JobEffect effect) =>
        new(new ModelElement.Job(job.Id), effect.Element, i => i.Set("ElementEffects", CimValue.UInt16Array(effect.Effect)));
}

/// <summary>CIM_OwningJobElement (DSP1103): the element whose method started a job — a service, or the virtual system — to the job.</summary>
public sealed class OwningJobElementProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_OwningJobElement", "OwningElement", "OwnedElement")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        foreach (var job in Source.Jobs.Jobs)
            if (await Source.ExistsAsync(job.OwningElement, context).ConfigureAwait(false)) yield return LinkOf(job);
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        var jobs = element is ModelElement.Job j ? Source.Jobs.Find(j.Id) is { } found ? [found] : [] : Source.Jobs.Jobs.Where(job => job.OwningElement == element);
        foreach (var job in jobs)
            if (await Source.ExistsAsync(job.OwningElement, context).ConfigureAwait(false)) yield return LinkOf(job);
    }

    private static Link LinkOf(Job job) => new(job.OwningElement, new ModelElement.Job(job.Id));
}
