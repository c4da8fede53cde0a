namespace EventLatency;

/// <summary>A failed check (a reply not 200, a missing or unexpected delivery): the bench's figures are void.</summary>
internal sealed class BenchException(string message) : Exception(message);
