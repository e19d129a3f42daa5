"""Journey model, impact and effort metrics, prioritisation and the CX backlog."""

__all__: list[str] = []
