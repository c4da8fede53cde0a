namespace WsManSvp.Virtualization.Management;

/// <summary>Return codes common to the DSP1042 methods (8.1.2); each method's table adds its own from 5 on.</summary>
public static class MethodCodes
{
    public const uint Completed = 0;
    public const uint NotSupported = 1;
    public const uint Failed = 2;
    public const uint Timeout = 3;
    public const uint InvalidParameter = 4;
    public const uint JobStarted = 4096;

    /// <summary>DestroySystem 5, ModifyResourceSettings 5, ModifySystemSettings 5, CreateSnapshot 5, ApplySnapshot 5.</summary>
    public const uint InvalidState = 5;

    /// <summary>ModifyResourceSettings 6 and ModifySystemSettings 6: incompatible parameters.</summary>
    public const uint IncompatibleParameters = 6;

    /// <summary>CreateSnapshot 6: no snapshot type or one the service does not take.</summary>
    public const uint InvalidSnapshotType = 6;
}
