"""vnie: structured facts from Vietnamese news text.

Dates, money, figures, organizations, people, and the meeting, award and
funding events they form, each with its exact span in the input::

    import vnie

    ex = vnie.Extractor()
    doc = ex.extract("Chiều 23/12, CĐVC tỉnh trao tặng hơn 15 suất quà.", id="news-1")
    for m in doc["mentions"]:
        print(m["type"], m["text"], m["value"])

Results are plain dicts and lists: exactly the objects ``vnie extract`` prints
as JSON Lines (docs/output-format.md), plus Python string indices
(``char_start``/``char_end``) next to the UTF-8 byte offsets (``start``/``end``).
The full guide is docs/python.md.
"""

from __future__ import annotations

import collections
import datetime as _datetime
import json as _json
import os
import re as _re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Optional, Union

from . import _vnie

__all__ = ["Extractor", "RuleError", "normalize", "decode", "__version__"]

__version__: str = _vnie.version()

Text = Union[str, bytes, bytearray, memoryview]

#: In-flight text bound of extract_many(), as the CLI's (one larger document alone).
_MAX_IN_FLIGHT_BYTES = 32 << 20


class RuleError(Exception):
    """A rule directory that does not load (a syntax error, a pattern RE2
    rejects, an unknown reference, a failing example, an unreadable file).

    Attributes: ``file`` (str or None), ``line`` (int, 1-based, or None),
    ``message`` (str), ``code`` (a vnie error code name such as
    ``"rule_syntax"``). ``str(error)`` is ``"file:line: message"``, with
    ``" (at byte N)"`` when the byte is known.
    """

    def __init__(self, text: str, *, file: Optional[str], line: Optional[int], message: str,
                 code: str) -> None:
        super().__init__(text)
        self.file = file
        self.line = line
        self.message = message
        self.code = code


_DATE_RE = _re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: Any, what: str = "date") -> Optional[tuple]:
    """None, a datetime.date or a "YYYY-MM-DD" string → (y, m, d); ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, _datetime.datetime):
        value = value.date()
    if isinstance(value, _datetime.date):
        return (value.year, value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be None, a datetime.date or a 'YYYY-MM-DD' string, "
                        f"not {type(value).__name__}")
    if not _DATE_RE.fullmatch(value):
        raise ValueError(f"{what}: not of the form YYYY-MM-DD: {value!r}")
    try:
        d = _datetime.date(int(value[:4]), int(value[5:7]), int(value[8:]))
    except ValueError as e:
        raise ValueError(f"{what}: not a real date: {value!r} ({e})") from None
    return (d.year, d.month, d.day)


def _id(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"id must be a str or None, not {type(value).__name__}")
    return value


def _check_text(value: Any) -> None:
    if not isinstance(value, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"text must be str or bytes, not {type(value).__name__}")


class Extractor:
    """Extracts mentions and events from Vietnamese text.

    Build one and reuse it: loading and compiling the rules takes a fraction
    of a second. An Extractor is immutable; ``extract()`` releases the GIL and
    may be called from many threads at once.

    Args:
        rules: a rule directory (str or os.PathLike), or a list of them, loaded
            in order after the default rules (docs/rules.md). A rule whose id
            exists replaces it.
        default_rules: use the rules built into vnie (default True).
        types: report only these mention types, e.g. ``["date", "money"]``
            (default: all).
        style: tone-mark placement used for values and canonical names:
            ``"traditional"`` (hòa, thủy), ``"modern"`` (hoà, thuỷ) or ``"keep"``.
        max_doc_bytes: larger documents are refused (default 64 MiB).

    Raises:
        RuleError: a rule directory does not load (``file``, ``line``, ``message``).
        ValueError: an unknown type or style, a max_doc_bytes that is not positive.
        TypeError: arguments of the wrong type.
    """

    def __init__(self, rules: Union[None, str, os.PathLike, Iterable] = None,
                 default_rules: bool = True, types: Optional[Iterable[str]] = None,
                 style: str = "traditional", max_doc_bytes: Optional[int] = None) -> None:
        if rules is None:
            dirs = []
        elif isinstance(rules, (str, os.PathLike)):
            dirs = [os.fspath(rules)]
        else:
            dirs = [os.fspath(r) for r in rules]
        if isinstance(types, str):
            types = [t.strip() for t in types.split(",")]
        type_list = [] if types is None else list(types)
        for t in type_list:
            if not isinstance(t, str):
                raise TypeError(f"types must hold str, not {type(t).__name__}")
        if not isinstance(style, str):
            raise TypeError(f"style must be a str, not {type(style).__name__}")
        if max_doc_bytes is not None and (not isinstance(max_doc_bytes, int) or max_doc_bytes <= 0):
            raise ValueError(f"max_doc_bytes must be a positive int, not {max_doc_bytes!r}")
        engine, err = _vnie.create(dirs, bool(default_rules), type_list, style, max_doc_bytes)
        if err is not None:
            raise RuleError(err["text"], file=err["file"], line=err["line"],
                            message=err["message"], code=err["code"])
        self._engine = engine

    def extract(self, text: Text, id: Optional[str] = None,
                date: Union[None, str, _datetime.date] = None, *, as_json: bool = False):
        """Extracts one document.

        Args:
            text: the document, a ``str``, or ``bytes`` (UTF-8; invalid
                sequences are replaced by U+FFFD and reported in ``warnings``).
            id: the document id written in the result (default ``""``).
            date: the reference date for year-less and relative dates, a
                ``datetime.date`` or ``"YYYY-MM-DD"`` (default: the
                publication date found in the article header, if any).
            as_json: return the JSON line itself (a str, byte for byte what
                ``vnie extract`` prints, without the char offsets).

        Returns:
            A dict ``{"id", "reference_date", "mentions", "events",
            "warnings"}`` as in docs/output-format.md. Every mention and event
            also has ``char_start``/``char_end``: indices into ``text`` when it
            is a ``str`` (``text[m["char_start"]:m["char_end"]] == m["text"]``),
            into ``text.decode("utf-8", "replace")`` when it is bytes; every
            warning has ``char_offset`` likewise.

        Raises:
            ValueError: the document is over ``max_doc_bytes``, or a bad date.
            TypeError: text, id or date of the wrong type.
        """
        _check_text(text)
        ok, line, code, message = self._engine.extract(text, _id(id), _date(date), bool(as_json))
        if not ok:
            raise ValueError(f"{code}: {message}")
        return line if as_json else _json.loads(line)

    def extract_many(self, items: Iterable, threads: Optional[int] = None, *,
                     window: Optional[int] = None, errors: str = "raise",
                     as_json: bool = False) -> Iterator:
        """Extracts a stream of documents on ``threads`` threads; yields the
        results in input order as soon as each is ready.

        Args:
            items: an iterable of texts (``str`` or ``bytes``) or of mappings
                ``{"text": ..., "id": ...?, "date": ...?}`` (a parsed JSON
                Lines record, as ``vnie extract --input jsonl`` reads). It is
                consumed lazily.
            threads: worker threads (default: ``os.cpu_count()``). They run
                without the GIL.
            window: most documents in flight, read but not yet yielded
                (default ``4 * threads``); in-flight text is also kept under
                32 MiB (one larger document alone). Memory is bounded whatever
                the length of ``items``.
            errors: ``"raise"`` (default): a bad item (wrong type, missing
                ``text``, bad ``id`` or ``date``, over ``max_doc_bytes``) raises
                TypeError or ValueError when its turn comes, after the results
                before it. ``"return"``: yield in its place the CLI's error
                object ``{"id", "error": {"code", "message", "input"}}``, where
                ``input`` is ``"<items>:N"`` (N: 1-based position).
            as_json: yield JSON lines (str) instead of dicts: byte for byte
                the lines of ``vnie extract --input jsonl``, without char offsets.

        Returns:
            A generator of dicts (or str). Closing it early (``break``) stops
            the threads.
        """
        if isinstance(items, (str, bytes, bytearray, memoryview, Mapping)):
            raise TypeError("extract_many() takes an iterable of documents; for one document "
                            "use extract()")
        if threads is None:
            threads = os.cpu_count() or 1
        if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
            raise ValueError(f"threads must be a positive int, not {threads!r}")
        if window is None:
            window = 4 * threads
        if not isinstance(window, int) or isinstance(window, bool) or window < 1:
            raise ValueError(f"window must be a positive int, not {window!r}")
        if errors not in ("raise", "return"):
            raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
        return self._stream(iter(items), threads, window, errors == "raise", bool(as_json))

    def rules(self) -> list:
        """The rules in force, in load order: dicts ``{"id", "type", "file", "line"}``."""
        return self._engine.rules()

    # -- extract_many's generator -------------------------------------------

    def _stream(self, items: Iterator, threads: int, window: int, raise_errors: bool,
                as_json: bool) -> Iterator:
        stream = self._engine.stream(threads, window, _MAX_IN_FLIGHT_BYTES)
        # One entry per item not yet yielded, in order: (id, position) for a
        # document in the stream, or an _ItemError for an item refused here.
        pending: collections.deque = collections.deque()

        def finish(entry):
            if isinstance(entry, _ItemError):
                error = entry
            else:
                doc_id, position = entry
                ok, line, code, message = stream.get()
                if ok:
                    return line if as_json else _json.loads(line)
                error = _ItemError(code, message, doc_id, position)
            if raise_errors:
                raise error.exception()
            obj = error.error_object()
            return _json.dumps(obj, ensure_ascii=False, separators=(",", ":")) if as_json else obj

        try:
            for position, item in enumerate(items, 1):
                try:
                    text, doc_id, date = _item(item)
                except (TypeError, ValueError) as e:
                    doc_id = item.get("id") if isinstance(item, Mapping) else None
                    refused = _ItemError("invalid_argument", str(e),
                                         doc_id if isinstance(doc_id, str) else "", position, e)
                    pending.append(refused)
                else:
                    # The stream refuses a document while its window or its
                    # byte bound is full: take results, in order, to make room.
                    while not stream.put(text, doc_id, date, as_json):
                        yield finish(pending.popleft())
                    pending.append((doc_id, position))
                while pending and (len(pending) >= window or not isinstance(pending[0], tuple)
                                   or stream.ready()):
                    yield finish(pending.popleft())
            while pending:
                yield finish(pending.popleft())
        finally:
            stream.close()


class _ItemError(Exception):
    """An item of extract_many() that gave no result."""

    def __init__(self, code: str, message: str, doc_id: str, position: int,
                 cause: Optional[Exception] = None) -> None:
        super().__init__(message)
        self.code, self.message, self.doc_id, self.position, self.cause = (
            code, message, doc_id, position, cause)

    def exception(self) -> Exception:
        if self.cause is not None:
            return type(self.cause)(f"item {self.position}: {self.message}")
        return ValueError(f"item {self.position} (id {self.doc_id!r}): {self.code}: {self.message}")

    def error_object(self) -> dict:
        return {"id": self.doc_id, "error": {"code": self.code, "message": self.message,
                                             "input": f"<items>:{self.position}"}}


def _item(item: Any):
    """An extract_many() item → (text, id, date); TypeError/ValueError when bad."""
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return item, "", None
    if not isinstance(item, Mapping):
        raise TypeError(f"an item must be str, bytes or a mapping, not {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, (str, bytes, bytearray, memoryview)):
        raise ValueError('missing string field "text"')
    doc_id = item.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        raise ValueError('"id" must be a string')
    try:
        date = _date(item.get("date"), '"date"')
    except TypeError:
        raise ValueError('"date" must be a string YYYY-MM-DD') from None
    return text, doc_id or "", date


def normalize(text: Text, fold: bool = False, style: str = "traditional") -> str:
    """Normalizes Vietnamese text as vnie does before matching
    (docs/normalization.md): Unicode NFC, one tone-mark placement, misplaced
    tone marks repaired, invisible characters removed, odd spaces made plain.

    Args:
        text: ``str``, or UTF-8 ``bytes`` (invalid sequences become U+FFFD).
        fold: return the folded view instead: lower case, no diacritics, đ→d.
        style: ``"traditional"`` (hòa), ``"modern"`` (hoà) or ``"keep"``.

    Raises:
        ValueError: an unknown style. TypeError: text not str or bytes.
    """
    _check_text(text)
    if not isinstance(style, str):
        raise TypeError(f"style must be a str, not {type(style).__name__}")
    return _vnie.normalize(text, bool(fold), style)


def decode(data: Union[bytes, bytearray, memoryview], encoding: str = "auto", *,
           details: bool = False):
    """Decodes Vietnamese text in a legacy encoding (docs/encodings.md).

    Args:
        data: the bytes.
        encoding: ``"auto"`` (detect), ``"utf-8"``, ``"cp1258"``, ``"tcvn3"``,
            ``"vni"`` or ``"viqr"`` (case-insensitive; ``"windows-1258"``,
            ``"abc"`` accepted).
        details: return a dict ``{"text", "encoding" (the one used or
            detected), "unsure" (auto-detection had no clear winner),
            "score", "warnings"}`` instead of the text alone.

    Returns:
        The text (NFC) as a ``str``; bytes the encoding does not define
        become U+FFFD.

    Raises:
        ValueError: an unknown encoding. TypeError: data not bytes-like.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str, not {type(encoding).__name__}")
    result = _vnie.decode(data, encoding)
    return result if details else result["text"]
