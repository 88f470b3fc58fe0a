from .._runtime.open_enums import OpenIntEnum


class DataSource(OpenIntEnum):
    ADMIN = 1
    RECENTER = 2

    def __str__(self) -> str:
        return str(self.value)
