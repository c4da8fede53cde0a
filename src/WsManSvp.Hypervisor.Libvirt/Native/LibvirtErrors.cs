using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>
/// Turns libvirt's last error into a <see cref="HypervisorException"/>. The last error is thread-local, so
/// it is read on the thread of the failing call, right after it.
/// </summary>
internal static class LibvirtErrors
{
    // virErrorNumber values the backend tells apart.
    private const int NoSupport = 3, NoConnect = 5, InvalidConn = 6, InvalidArg = 8, XmlError = 27, DomainExists = 28,
        XmlDetail = 35, NetworkExists = 37, Rpc = 39, NoDomain = 42, NoNetwork = 43, InvalidMac = 44, NoStoragePool = 49,
        NoStorageVol = 50, OperationInvalid = 55, ConfigUnsupported = 67, NoDomainSnapshot = 72, ArgumentUnsupported = 74,
        OperationUnsupported = 84, StorageVolExists = 90, XmlInvalidSchema = 92;

    /// <summary>The code of the thread's last error, 0 when there is none.</summary>
    public static int LastCode()
    {
        var error = Virt.GetLastError();
        return error == IntPtr.Zero ? 0 : Marshal.PtrToStructure<Virt.Error>(error).Code;
    }

    /// <summary>Whether the thread's last error says the object looked up does not exist.</summary>
    public static bool LastIsNotFound() => Classify(LastCode()) == HypervisorError.NotFound;

    /// <summary>Whether the thread's last error refuses flags or arguments the driver does not take.</summary>
    public static bool LastIsUnsupportedArgument() => Classify(LastCode()) is HypervisorError.InvalidArgument or HypervisorError.NotSupported;

    /// <summary>The thread's last error as an exception, its message prefixed with what was being done.</summary>
    public static HypervisorException Last(string doing)
    {
        var pointer = Virt.GetLastError();
        if (pointer == IntPtr.Zero) return new HypervisorException(HypervisorError.Failed, $"{doing} failed; libvirt gave no reason.");
        var error = Marshal.PtrToStructure<Virt.Error>(pointer);
        var message = Marshal.PtrToStringUTF8(error.Message) ?? $"libvirt error {error.Code}";
        Virt.ResetLastError();
        return new HypervisorException(Classify(error.Code), $"{doing}: {message}");
    }

    public static HypervisorError Classify(int code) => code switch
    {
        NoDomain or NoDomainSnapshot or NoStoragePool or NoStorageVol or NoNetwork => HypervisorError.NotFound,
        OperationInvalid => HypervisorError.InvalidState,
        InvalidArg or XmlError or XmlDetail or XmlInvalidSchema or ConfigUnsupported or InvalidMac => HypervisorError.InvalidArgument,
        NoSupport or OperationUnsupported or ArgumentUnsupported => HypervisorError.NotSupported,
        DomainExists or NetworkExists or StorageVolExists => HypervisorError.AlreadyExists,
        NoConnect or InvalidConn or Rpc => HypervisorError.Unavailable,
        _ => HypervisorError.Failed,
    };

    /// <summary>Throws the last error when a call returned failure (a negative count or status).</summary>
    public static int Check(int result, string doing) => result >= 0 ? result : throw Last(doing);

    /// <summary>Throws the last error when a call returned no object.</summary>
    public static T Check<T>(T handle, string doing) where T : LibvirtHandle
    {
        if (!handle.IsInvalid) return handle;
        handle.Dispose();
        throw Last(doing);
    }
}
