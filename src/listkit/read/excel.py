"""xlsx / xls / ods through python-calamine: cached values of formulas, merged ranges, every sheet."""

from __future__ import annotations

import io
from collections.abc import Iterator

from listkit.errors import InputError
from listkit.read.grid import Grid


def read_workbook(data: bytes, file: str, hidden: dict[str, set[int]]) -> Iterator[Grid]:
    """Each sheet of the workbook as a Grid, in workbook order."""
    import python_calamine as calamine

    try:
        workbook = calamine.load_workbook(io.BytesIO(data))
    except calamine.PasswordError:
        raise InputError("password-protected", file=file) from None
    except (calamine.CalamineError, ValueError, OSError) as exc:
        raise InputError("corrupt-workbook", file=file, reason=_short(exc)) from None
    except BaseException as exc:
        raise _panic(exc, file) from None
    for name in workbook.sheet_names:
        try:
            sheet = workbook.get_sheet_by_name(name)
            # skip_empty_area=False keeps absolute positions, so rows and columns match Excel's.
            values = sheet.to_python(skip_empty_area=False)
            merges = sheet.merged_cell_ranges or []
        except (calamine.CalamineError, ValueError) as exc:
            raise InputError("corrupt-workbook", file=file, reason=f"{name}: {_short(exc)}") from None
        except BaseException as exc:
            raise _panic(exc, file, name) from None
        yield Grid(
            file=file,
            sheet=name,
            rows=values,
            merges=[(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merges],
            hidden_rows=hidden.get(name, set()),
        )


def _panic(exc: BaseException, file: str, sheet: str | None = None) -> BaseException:
    """A panic inside the Rust parser (a malformed file it did not expect) reaches Python as pyo3's
    PanicException, a BaseException: report it as a damaged workbook. Interrupts pass through untouched."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | MemoryError) or type(exc).__name__ != "PanicException":
        return exc
    where = f"{sheet}: " if sheet else ""
    return InputError("corrupt-workbook", file=file, reason=f"{where}{_short(exc)}")


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
