namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The virtual system configurations DSP1057 names: "Defined" (what the system is defined as; always there)
/// and "State" (what an active system has now; there only while it is active).
/// </summary>
public enum ConfigurationKind { Defined, State }

/// <summary>What a capability setting describes (DSP1043 with CIM_SettingsDefineCapabilities.ValueRange/ValueRole).</summary>
public enum CapabilityRole { Minimum, Maximum, Increment, Default }
