"""The JSON API (`detente serve`): routes over the store, the codebook and the coder.

    >>> from detente.web import create_app
    >>> app = create_app("detente.duckdb", write_token=None)
"""

from detente.web.app import create_app

__all__ = ["create_app"]
