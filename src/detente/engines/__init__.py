"""Where a pipeline runs: in this process, or in a pool of local processes."""

from detente.engines.local import code_stream
from detente.engines.processes import code_stream_parallel

__all__ = ["code_stream", "code_stream_parallel"]
