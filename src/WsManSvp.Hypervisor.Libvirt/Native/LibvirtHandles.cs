using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>A reference to a libvirt object, released with its *Free function.</summary>
internal abstract class LibvirtHandle : SafeHandle
{
    protected LibvirtHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Takes ownership of a reference libvirt handed out in an array.</summary>
    public void Own(IntPtr pointer) => SetHandle(pointer);

    /// <summary>
    /// Takes each reference of an array libvirt allocated (virConnectListAll*, virDomainListAllSnapshots)
    /// and frees the array itself.
    /// </summary>
    public static T[] TakeArray<T>(IntPtr array, int count) where T : LibvirtHandle, new()
    {
        if (array == IntPtr.Zero) return [];
        try
        {
            var handles = new T[count];
            for (var i = 0; i < count; i++)
            {
                handles[i] = new T();
                handles[i].Own(Marshal.ReadIntPtr(array, i * IntPtr.Size));
            }
            return handles;
        }
        finally
        {
            LibC.Free(array);
        }
    }
}

internal sealed class ConnectHandle : LibvirtHandle
{
    protected override bool ReleaseHandle() => Virt.ConnectClose(handle) >= 0;
}

internal sealed class DomainHandle : LibvirtHandle
{
    protected override bool ReleaseHandle() => Virt.DomainFree(handle) == 0;
}

internal sealed class SnapshotHandle : LibvirtHandle
{
    protected override bool ReleaseHandle() => Virt.DomainSnapshotFree(handle) == 0;
}

internal sealed class StoragePoolHandle : LibvirtHandle
{
    protected override bool ReleaseHandle() => Virt.StoragePoolFree(handle) == 0;
}

internal sealed class StorageVolHandle : LibvirtHandle
{
    protected override bool ReleaseHandle() => Virt.StorageVolFree(handle) == 0;
}

internal sealed class NetworkHandle : LibvirtHandle
{
    protected override bool ReleaseHandle() => Virt.NetworkFree(handle) == 0;
}
