using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Indications;

/// <summary>
/// Builds the instance indications of the CIM schema's Event model (CIM_InstCreation, CIM_InstDeletion,
/// CIM_InstModification): the changed instance embedded whole as SourceInstance (for a deletion, as it was
/// before), the one before a modification as PreviousInstance, its model path and host, the time and an
/// identifier of the DSP0004 form OrgID:LocalID.
/// </summary>
public sealed class InstanceIndications
{
    public const string InstCreation = "CIM_InstCreation";
    public const string InstDeletion = "CIM_InstDeletion";
    public const string InstModification = "CIM_InstModification";

    private const string OrgId = "WsManSvp";

    private readonly CimClass _creation;
    private readonly CimClass _deletion;
    private readonly CimClass _modification;
    private readonly string _sourceInstanceHost;

    /// <param name="sourceInstanceHost">The host name the source instances live on (SourceInstanceHost).</param>
    public InstanceIndications(CimClassRepository repository, string sourceInstanceHost)
    {
        _creation = Require(repository, InstCreation);
        _deletion = Require(repository, InstDeletion);
        _modification = Require(repository, InstModification);
        _sourceInstanceHost = sourceInstanceHost;
    }

    public CimInstance Creation(CimInstance source, DateTimeOffset time) => New(_creation, source, time);

    public CimInstance Deletion(CimInstance source, DateTimeOffset time) => New(_deletion, source, time);

    public CimInstance Modification(CimInstance previous, CimInstance source, DateTimeOffset time) =>
        New(_modification, source, time).Set("PreviousInstance", CimValue.Instance(previous));

    private CimInstance New(CimClass cls, CimInstance source, DateTimeOffset time) =>
        new CimInstance(cls, source.Namespace)
            .Set("IndicationIdentifier", $"{OrgId}:{Guid.NewGuid():D}")
            .Set("IndicationTime", CimValue.DateTime(time))
            .Set("SourceInstance", CimValue.Instance(source))
            .Set("SourceInstanceModelPath", source.GetPath().ToString())
            .Set("SourceInstanceHost", _sourceInstanceHost);

    private static CimClass Require(CimClassRepository repository, string name) =>
        repository.GetClass(name) ?? throw new InvalidOperationException($"{name} is not declared in schemas/.");
}
