using System.Reflection;
using Xunit.Sdk;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// Names the captures under ../shared/interop a theory replays (one row; the paths are its arguments).
/// The coverage test reads these attributes to find captures that nothing replays.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ReplaysAttribute(params string[] captures) : DataAttribute
{
    public IReadOnlyList<string> Captures { get; } = captures;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [Captures.ToArray<object>()];
}
