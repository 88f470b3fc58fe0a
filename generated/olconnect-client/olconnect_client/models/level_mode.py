from .._runtime.open_enums import OpenStrEnum


class LevelMode(OpenStrEnum):
    DOCUMENT_ONLY = "documentOnly"
    DOCUMENT_SET_ALL = "documentSetAll"
    DOCUMENT_SET_ONLY = "documentSetOnly"

    def __str__(self) -> str:
        return str(self.value)
