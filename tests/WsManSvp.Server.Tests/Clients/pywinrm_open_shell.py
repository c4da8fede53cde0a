"""Protocol.open_shell() against a service without WinRS; prints the error pywinrm raises as JSON."""
import ast

from winrm.exceptions import WinRMError, WinRMTransportError

from wsman_common import emit, protocol

try:
    emit({"shellId": protocol().open_shell()})
except WinRMError as e:
    # pywinrm formats a SOAP fault as "REASON (extended fault data: {dict})".
    reason, _, data = str(e).partition(" (extended fault data: ")
    emit({"exception": type(e).__name__, "reason": reason, "faultData": ast.literal_eval(data[:-1]) if data else None})
except WinRMTransportError as e:
    emit({"exception": type(e).__name__, "reason": str(e), "httpStatus": e.code})
