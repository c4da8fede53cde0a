namespace LibvirtOverhead;

/// <summary>A failed check (a reply not 200, a wrong count, a job not Completed): the bench's figures are void.</summary>
internal sealed class BenchException(string message) : Exception(message);
