using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Management;

/// <summary>Method results: a return code and the OUT parameters that go with it.</summary>
public static class MethodResults
{
    public static CimMethodResult Code(uint code) => CimMethodResult.Of(CimValue.UInt32(code));

    public static CimMethodResult With(uint code, params (string Name, CimValue Value)[] outputs)
    {
        var result = new Dictionary<string, CimValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in outputs) result[name] = value;
        return new CimMethodResult(CimValue.UInt32(code), result);
    }

    /// <summary>4096 with the Job OUT parameter referring to the job that runs the method (DSP1042 8.1.2).</summary>
    public static CimMethodResult JobStarted(Job job, ModelPaths paths) =>
        With(MethodCodes.JobStarted, ("Job", CimValue.Reference(paths.Of(new ModelElement.Job(job.Id)))));

    public static CimValue References(ModelPaths paths, IEnumerable<ModelElement> elements) =>
        CimValue.Array(CimType.Reference, elements.Select(e => CimValue.Reference(paths.Of(e))).ToArray());
}
