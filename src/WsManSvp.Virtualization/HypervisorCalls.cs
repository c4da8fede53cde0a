using System.Runtime.CompilerServices;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization;

/// <summary>Runs hypervisor calls so their failures surface as CIM errors.</summary>
public static class HypervisorCalls
{
    public static async ValueTask<T> Call<T>(Func<ValueTask<T>> call)
    {
        try { return await call().ConfigureAwait(false); }
        catch (HypervisorException e) { throw e.ToCim(); }
    }

    /// <summary>A hypervisor stream whose failures become CIM errors (yield cannot sit in a try with a catch).</summary>
    public static async IAsyncEnumerable<T> Stream<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var e = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false)) yield break;
            }
            catch (HypervisorException ex)
            {
                throw ex.ToCim();
            }
            yield return e.Current;
        }
    }
}
