namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The virtual system configurations DSP1057 names: "Defined" (what the system is defined as; always there)
/// and "State" (what an active system has now; there only while it is active); and DSP1042's snapshots,
/// each a configuration of its own.
/// </summary>
public enum ConfigurationKind { Defined, State, Snapshot }

/// <summary>What a capability setting describes (DSP1043 with CIM_SettingsDefineCapabilities.ValueRange/ValueRole).</summary>
public enum CapabilityRole { Minimum, Maximum, Increment, Default }
