"""Whole documents -> one Article: plain text, and HTML pages through trafilatura.

Also what every reader shares: binary data and undecodable text become Rejections, and sizes
are written for people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from detente.model import Article, Rejection

Item = Article | Rejection

# Dates only from the page's own metadata (<meta>, <time>, the URL): htmldate's extensive
# search also takes "Copyright 2019" in a footer for the publication date.
_HTML_DATES = {"original_date": True, "extensive_search": False}


def binary_rejection(data: bytes, origin: str) -> Rejection | None:
    """A Rejection when the data holds a NUL byte, which no text file has; else None.

    >>> binary_rejection(b"PK\\x03\\x04\\x00", "a.txt").reason.split(";")[0]
    'not UTF-8 text (binary file, not text: NUL byte at offset 4)'
    """
    offset = data.find(b"\x00")
    if offset < 0:
        return None
    return Rejection(origin, "read", f"not UTF-8 text (binary file, not text: NUL byte at offset "
                     f"{offset}); save it as UTF-8 text (UTF-16 has NUL bytes too) or leave it out")


def human_size(n: int) -> str:
    """A byte count as people read it.

    >>> human_size(10 * 1024 * 1024), human_size(1000)
    ('10.0 MiB', '1,000 bytes')
    """
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n:,} bytes"


def decode(data: bytes, origin: str) -> str | Rejection:
    """UTF-8 text (a byte-order mark is dropped), or a Rejection naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(origin, "read", f"not UTF-8 text (bad byte 0x{data[exc.start]:02x} at "
                         f"offset {exc.start}); re-encode the file as UTF-8")


def read_text(data: bytes, origin: str, article_id: str,
              default_date: dt.date | None = None) -> Iterator[Item]:
    """Plain text (.txt, .md, stdin) as one Article, or one Rejection.

    >>> [a.text for a in read_text(b"Chad closed its border.", "in.txt", "in.txt")]
    ['Chad closed its border.']
    """
    text = binary_rejection(data, origin) or decode(data, origin)
    if isinstance(text, Rejection):
        yield text
    elif not text.strip():
        yield Rejection(origin, "read", "empty text; nothing to code")
    else:
        yield Article(id=article_id, text=text, date=default_date, origin=origin)


def read_html(data: bytes, origin: str, article_id: str,
              default_date: dt.date | None = None) -> Iterator[Item]:
    """A web page's main article text, title, date and canonical URL, or one Rejection.

    Menus, cookie banners and footers are left out; a page that is only those is rejected.
    The page's charset is honoured, so HTML need not be UTF-8.
    """
    binary = binary_rejection(data, origin)
    if binary:
        yield binary
        return
    try:
        import trafilatura
    except ImportError:
        yield Rejection(origin, "read", "reading HTML needs trafilatura; pip install trafilatura")
        return
    try:
        page = trafilatura.bare_extraction(data, with_metadata=True, favor_precision=True,
                                           include_comments=False, date_extraction_params=_HTML_DATES)
    # a batch never dies on one page, whatever the parser trips on
    except Exception as exc:
        yield Rejection(origin, "read", f"HTML could not be parsed ({type(exc).__name__}: "
                        f"{' '.join(str(exc).split())[:200]}); check that it is an HTML page")
        return
    text = page.text if page is not None else ""
    if not text or not text.strip():
        yield Rejection(origin, "read", "no article text found (only menus, scripts or boilerplate); "
                        "save the article page itself, or give its text as .txt")
        return
    yield Article(id=article_id, text=text, date=_page_date(page.date) or default_date,
                  title=page.title or "", url=page.url or "", origin=origin)


def _page_date(value: str | None) -> dt.date | None:
    # trafilatura writes dates as YYYY-MM-DD; anything else is treated as no date
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
