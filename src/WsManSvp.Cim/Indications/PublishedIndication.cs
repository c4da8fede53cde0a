using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Indications;

/// <summary>
/// An indication as the bus delivers it: numbered in the one order every watcher sees, so a watcher that
/// lost indications (it fell too far behind) can tell from a gap in <see cref="SequenceNumber"/>.
/// </summary>
public sealed record PublishedIndication(long SequenceNumber, CimInstance Indication);
