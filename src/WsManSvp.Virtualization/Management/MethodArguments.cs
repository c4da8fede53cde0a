using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Management;

/// <summary>A method's input, typed by the CIM layer: embedded instances arrive as instances, EPRs as object paths.</summary>
public sealed class MethodArguments(IReadOnlyDictionary<string, CimValue> values)
{
    public CimValue? this[string name] => values.TryGetValue(name, out var v) && !v.IsNull ? v : null;

    public CimInstance? Instance(string name) => this[name] is { Type: CimType.Instance, IsArray: false } v ? v.AsInstance() : null;

    public IReadOnlyList<CimInstance> Instances(string name) =>
        this[name] is { Type: CimType.Instance, IsArray: true } v ? v.AsArray().ToArray().Select(i => i.AsInstance()).ToArray() : [];

    public CimObjectPath? Reference(string name) => this[name] is { Type: CimType.Reference, IsArray: false } v ? v.AsReference() : null;

    public IReadOnlyList<CimObjectPath> References(string name) =>
        this[name] is { Type: CimType.Reference, IsArray: true } v ? v.AsArray().ToArray().Select(r => r.AsReference()).ToArray() : [];

    public ulong? UInt(string name) => this[name] is { IsArray: false } v && v.Type.IsInteger() ? (ulong)v.AsInt128() : null;
}
